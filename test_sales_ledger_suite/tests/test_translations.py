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
