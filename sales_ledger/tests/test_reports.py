import io

import openpyxl

from odoo.tests import HttpCase, tagged

from .common import SalesLedgerCommon


# HttpCase: wkhtmltopdf loads the report's assets over HTTP, which Odoo's test runner
# serves only while a test holds the registry in test mode.
@tagged("post_install", "-at_install")
class TestSalesLedgerReports(SalesLedgerCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.period = cls.env["sales.ledger.period"].create({"date_from": "2025-01-01"})
        cls._invoice("2025-01-10", amount=1000.0)
        cls._invoice("2025-01-12", amount=100.0, move_type="out_refund")
        cls.period.action_generate_lines()
        cls.contract = cls._approved_contract(
            title="华东区年度供货合同",
            type_id=cls.env.ref("sales_ledger.sales_contract_type_annual").id,
        )

    def test_contract_ledger_pdf(self):
        report = self.env.ref("sales_ledger.action_report_sales_contract")
        html = report._render_qweb_html(report.report_name, self.contract.ids)[0].decode()
        self.assertIn("华东区年度供货合同", html)
        self.assertIn(self.contract.type_id.name, html)
        self.assertIn(self.contract.name, html)
        pdf, fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.contract.ids
        )
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_monthly_ledger_pdf_in_chinese(self):
        report = self.env.ref("sales_ledger.action_report_sales_ledger_period")
        html = (
            report.with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, self.period.ids)[0]
            .decode()
        )
        self.assertIn(self.customer.name, html)
        self.assertIn("2025-01", html)
        # one subtotal per day, then the month's total and the summaries
        self.assertEqual(html.count('<tr class="fst-italic">'), 2)
        self.assertIn(self.team.name, html)
        pdf, _fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.period.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_monthly_ledger_xlsx(self):
        report = self.env.ref("sales_ledger.action_report_sales_ledger_period_xlsx")
        content, fmt = report._render(report.report_name, self.period.ids)
        self.assertEqual(fmt, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        header = next(sheet.iter_rows(min_row=3, max_row=3, values_only=True))
        self.assertEqual(
            header[:12],
            (
                "Ledger No.",
                "Date",
                "Invoice",
                "Customer",
                "Contact",
                "Phone",
                "Salesperson",
                "Sales Region",
                "Sales Channel",
                "Product Code",
                "Product",
                "Specification / Model",
            ),
        )
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        # a line and the subtotal of its day, twice, then the month's total
        self.assertEqual([row[0] for row in rows[:5:2]], [1, 2, "Total of the month"])
        self.assertEqual(rows[0][3], self.customer.name)
        # (an empty text is left as a blank cell)
        self.assertEqual(rows[0][9] or "", self.product.default_code or "")
        self.assertEqual(rows[1][0], "Subtotal of the day 2025-01-10")
        self.assertEqual(rows[1][15], 1000.0)
        self.assertEqual(rows[2][15], -100.0)
        self.assertAlmostEqual(rows[4][17], 1150.0 - 115.0)
        # the summary per region and per channel
        labels = [row[0] for row in rows[5:]]
        self.assertIn("Sales Region", labels)
        self.assertIn("Sales Channel", labels)

    def test_contract_ledger_xlsx(self):
        self.contract.action_activate()
        self.env["sales.contract.change"].create(
            {
                "contract_id": self.contract.id,
                "reason": "客户追加数量",
                "content": "增加 5 台设备",
                "amount_after": 15000.0,
            }
        )
        self.env["sales.contract.dispute"].create(
            {
                "contract_id": self.contract.id,
                "name": "交货延迟",
                "cause": "物流延误",
                "handling": "协商处理",
                "result": "补发货物",
            }
        )
        report = self.env.ref("sales_ledger.action_report_sales_contract_xlsx")
        content, fmt = report._render(report.report_name, self.contract.ids)
        self.assertEqual(fmt, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        sheet = book.active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(rows[0][0], self.contract.name)
        self.assertEqual(rows[0][1], "华东区年度供货合同")
        self.assertEqual(rows[0][8], 10000.0)
        self.assertEqual(rows[0][17], self.contract.type_id.name)
        self.assertEqual(rows[0][18], 0.0)
        # the change log and the disputes in full, on their own sheets
        changes = list(book["Contract Changes"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            changes[0][:5],
            (self.contract.name, "Change", changes[0][2], "客户追加数量", "增加 5 台设备"),
        )
        self.assertEqual(changes[0][5:7], (10000.0, 15000.0))
        disputes = list(book["Contract Disputes"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(disputes[0][2:6], ("交货延迟", "物流延误", "协商处理", "补发货物"))

    def test_contract_ledger_shows_rescission(self):
        self.contract.action_activate()
        self.contract._terminate("客户严重违约", self.contract.date_signed, "rescission")
        self.assertEqual(self.contract.state, "rescinded")
        report = self.env.ref("sales_ledger.action_report_sales_contract")
        html = (
            report.with_context(lang="zh_CN")
            ._render_qweb_html(report.report_name, self.contract.ids)[0]
            .decode()
        )
        self.assertIn("客户严重违约", html)
        rescinded = dict(
            self.contract.with_context(lang="zh_CN")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "zh_CN"}))
        )["rescinded"]
        self.assertIn(rescinded, html)
        report = self.env.ref("sales_ledger.action_report_sales_contract_xlsx")
        content, _fmt = report._render(report.report_name, self.contract.ids)
        rows = list(
            openpyxl.load_workbook(io.BytesIO(content), read_only=True).active.iter_rows(
                min_row=2, values_only=True
            )
        )
        self.assertEqual(rows[0][12], "Rescinded")
        self.assertEqual(rows[0][15], "客户严重违约")
