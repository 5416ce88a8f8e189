import shutil
import subprocess
import tempfile
from pathlib import Path

from odoo.tests import HttpCase, tagged

from .common import CustomerArchiveCase


# HttpCase: wkhtmltopdf loads the report's assets over HTTP, which Odoo's test runner
# serves only while a test holds the registry in test mode.
@tagged("post_install", "-at_install")
class TestArchiveCard(CustomerArchiveCase, HttpCase):
    def test_card_pdf_renders_chinese(self):
        if not shutil.which("pdftotext"):
            self.skipTest("poppler-utils (pdftotext) is not installed")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.sudo().write(
            {"lang": "zh_CN", "legal_representative": "王建国", "short_name": "测试机械"}
        )
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("customer_archive.customer_archive_card_report", self.archive.ids)
        )
        self.assertEqual(kind, "pdf")
        # The glyphs come from an embedded CJK font, not from boxes of a Latin font.
        self.assertRegex(pdf, rb"NotoSans\w*CJK")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "card.pdf"
            path.write_bytes(pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
            ).stdout.decode()
        # (The font maps 户 to a radical code point on extraction: avoid it in the checks.)
        for expected in ("档案登记表", "上海测试机械有限公司", "王建国", "现款或按时付款", "编号"):
            self.assertIn(expected, text)

    def test_several_cards_print_with_the_company_header(self):
        """Printing several records works with either wkhtmltopdf build, and each document
        carries the company header (in the body when the build cannot draw headers)."""
        if not shutil.which("pdftotext"):
            self.skipTest("poppler-utils (pdftotext) is not installed")
        self.env.company.name = "苏州恒信包装科技有限公司"
        second = self.env["res.partner"].create(
            {"name": "杭州远航纸业有限公司", "is_company": True, "customer_rank": 1}
        )
        archives = self.archive | second.archive_id
        self.assertEqual(len(archives), 2)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("customer_archive.customer_archive_card_report", archives.ids)
        )
        self.assertEqual(kind, "pdf")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "cards.pdf"
            path.write_bytes(pdf)
            pages = [
                subprocess.run(
                    ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                    capture_output=True,
                    check=True,
                ).stdout.decode()
                for page in (1, 2)
            ]
        self.assertIn("上海测试机械有限公司", pages[0])
        self.assertIn("杭州远航纸业有限公司", pages[-1])
        for page in pages:
            self.assertIn("苏州恒信包装科技有限公司", page)
