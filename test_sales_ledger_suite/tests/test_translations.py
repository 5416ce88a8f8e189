"""Every user-facing term of every add-on has a zh_CN translation in its i18n/zh_CN.po."""

import re
from pathlib import Path

import polib

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

# Terms without lowercase Latin letters ("ID", or text already written in Chinese, as in demo
# data) read the same in Chinese, and OCA's po format clears a msgstr equal to its msgid.
NEEDS_TRANSLATION = re.compile(r"[a-z]")


def suite_modules():
    """The add-ons beside this one in the repository (test-only add-ons excluded)."""
    here = Path(get_module_path("test_sales_ledger_suite"))
    return sorted(
        path.parent.name
        for path in here.parent.glob("*/__manifest__.py")
        if not path.parent.name.startswith("test_")
    )


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_depends_on_every_addon(self):
        depends = get_manifest("test_sales_ledger_suite")["depends"]
        self.assertEqual(sorted(depends), suite_modules())

    def test_zh_cn_complete(self):
        for module in suite_modules():
            with self.subTest(module=module):
                po = polib.pofile(str(Path(get_module_path(module), "i18n", "zh_CN.po")))
                translated = {
                    entry.msgid for entry in po if entry.msgstr.strip() and not entry.obsolete
                }
                terms = {row[4] for row in TranslationModuleReader(self.env.cr, modules=[module])}
                self.assertTrue(terms, f"{module} exports no terms")
                missing = sorted(
                    term for term in terms - translated if NEEDS_TRANSLATION.search(term)
                )
                self.assertFalse(missing, f"{module}: terms without a zh_CN translation: {missing}")


# docs/glossary.md, "Writing the Chinese": the translations an accountant would write.
GLOSSARY_TERMS = {
    ("customer_archive", "Credit Remarks"): "信用备注",
    ("customer_archive", "Credit Standing"): "信用状况",
    ("customer_archive", "Block"): "冻结",
    ("customer_archive", "Blocked"): "已冻结",
    ("customer_archive", "Unblock"): "解除冻结",
    ("complaint_tracking", "Customer Service"): "客户服务",
    ("sales_reconciliation", "Customer Statements"): "客户对账单",
    ("sales_reconciliation", "Price adjustment"): "价格调整",
    ("sales_reconciliation", "Monthly Unpaid Summary"): "客户未付款明细表",
}
NOT_WRITTEN = ("台帐", "销售员", "销售人员")


@tagged("post_install", "-at_install")
class TestChineseWording(TransactionCase):
    def _catalogues(self):
        for module in suite_modules():
            po = polib.pofile(str(Path(get_module_path(module), "i18n", "zh_CN.po")))
            yield module, [entry for entry in po if not entry.obsolete]

    def test_glossary_terms(self):
        translations = {
            (module, entry.msgid): entry.msgstr
            for module, entries in self._catalogues()
            for entry in entries
        }
        for key, expected in GLOSSARY_TERMS.items():
            self.assertEqual(translations.get(key), expected, key)

    def test_one_spelling(self):
        for module, entries in self._catalogues():
            for entry in entries:
                for word in NOT_WRITTEN:
                    self.assertNotIn(word, entry.msgstr, f"{module}: {entry.msgid!r}")

    def test_docs_write_taizhang(self):
        docs = Path(get_module_path("test_sales_ledger_suite")).parent / "docs"
        if not docs.is_dir():
            self.skipTest("documentation not shipped with the add-ons")
        for page in docs.rglob("*.md"):
            if page.name == "glossary.md":
                continue  # the glossary names the variant it rules out
            self.assertNotIn("台帐", page.read_text(encoding="utf-8"), page.name)
