"""Every user-facing term of every module has a zh_CN translation in its i18n/zh_CN.po."""

import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ROOT = Path(__file__).resolve().parent.parent
MODULES = (
    "customer_archive",
    "sales_ledger",
    "sales_reconciliation",
    "complaint_tracking",
    "complaint_tracking_sales_ledger",
)
# Terms without lowercase Latin letters ("ID", or text already written in Chinese, as in demo
# data) read the same in Chinese, and OCA's po format clears a msgstr equal to its msgid.
NEEDS_TRANSLATION = re.compile(r"[a-z]")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_zh_cn_complete(self):
        for module in MODULES:
            with self.subTest(module=module):
                po = polib.pofile(str(ROOT / module / "i18n" / "zh_CN.po"))
                translated = {
                    entry.msgid for entry in po if entry.msgstr.strip() and not entry.obsolete
                }
                terms = {row[4] for row in TranslationModuleReader(self.env.cr, modules=[module])}
                self.assertTrue(terms, f"{module} exports no terms")
                missing = sorted(
                    term for term in terms - translated if NEEDS_TRANSLATION.search(term)
                )
                self.assertFalse(missing, f"{module}: terms without a zh_CN translation: {missing}")
