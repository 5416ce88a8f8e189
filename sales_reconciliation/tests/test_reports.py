import io
import shutil
import subprocess
import tempfile
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE, StatementCommon


# HttpCase: wkhtmltopdf loads the report's assets over HTTP, which Odoo's test runner
# serves only while a test holds the registry in test mode.
@tagged("post_install", "-at_install")
class TestReports(StatementCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()

    def test_ar_aging_rows(self):
        rows, totals = self.env["report.sales_reconciliation.report_ar_aging"]._get_rows(
            self.company, date(2026, 2, 28)
        )
        row = next(r for r in rows if r["partner"] == self.customer)
        self.assertEqual(
            {k: row[k] for k in row if k != "partner"},
            {
                "aging_not_due": 2000.0,
                "aging_1_30": 450.0,
                "aging_31_60": 30.0,
                "aging_61_90": 50.0,
                "aging_91_180": 20.0,
                "aging_over_180": 100.0,
                "total": 2650.0,
            },
        )
        other = next(r for r in rows if r["partner"] == self.other_customer)
        self.assertEqual(other["aging_1_30"], 777.0)  # due 2026-02-03, 25 days
        self.assertEqual(totals["total"], 2650.0 + 777.0)
        # later date: the 2026-03-05 payment is taken into account
        rows, totals = self.env["report.sales_reconciliation.report_ar_aging"]._get_rows(
            self.company, date(2026, 3, 31), self.customer.ids
        )
        row = rows[0]
        self.assertEqual(
            {k: row[k] for k in row if k != "partner"},
            {
                "aging_not_due": 0.0,
                "aging_1_30": 2000.0,  # due 03-07
                "aging_31_60": 250.0,  # 400 due 02-20, credit note -150 of 02-10
                "aging_61_90": 30.0,
                "aging_91_180": 50.0,
                "aging_over_180": 120.0,
                "total": 2450.0,  # the 2026-01-10 invoice is fully paid on 03-05
            },
        )

    def test_ar_aging_pdf_and_xlsx(self):
        wizard = self.env["sales.ar.aging.wizard"].create({"date_to": "2026-02-28"})
        action = wizard.action_pdf()
        self.assertEqual(action["report_name"], "sales_reconciliation.report_ar_aging")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "sales_reconciliation.ar_aging_report_action", self.company.ids, data=action["data"]
            )[0]
            .decode()
        )
        self.assertIn("上海宏达贸易有限公司", html)
        self.assertIn("2,650.00", html)
        action = wizard.action_xlsx()
        content, report_type = self.env["ir.actions.report"]._render(
            "sales_reconciliation.ar_aging_xlsx_report_action",
            self.company.ids,
            data=action["data"],
        )
        self.assertEqual(report_type, "xlsx")
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        customer_row = next(r for r in rows if r[1] == "上海宏达贸易有限公司")
        self.assertEqual(customer_row[3:10], [2000.0, 450.0, 30.0, 50.0, 20.0, 100.0, 2650.0])
        self.assertEqual(rows[-1][9], 2650.0 + 777.0)

    def test_unpaid_summary_mailed_to_sales_managers(self):
        rows, _sums = self.env["report.sales_reconciliation.report_unpaid_summary"]._get_rows(
            self.company, date(2026, 2, 1), date(2026, 2, 28)
        )
        row = next(r for r in rows if r["partner"] == self.customer)
        self.assertEqual(
            (row["previous"], row["sales"], row["receipts"], row["receivable"]),
            (900.0, 2250.0, 500.0, 2650.0),
        )
        mail = self.env["sales.statement"]._send_unpaid_summary(
            self.company, date(2026, 2, 1), date(2026, 2, 28), self.sales_manager
        )
        self.assertEqual(mail.subject, "[华东机械有限公司][2026-02] 客户未付款明细表")
        self.assertEqual(mail.recipient_ids, self.sales_manager.partner_id)
        self.assertEqual(len(mail.attachment_ids), 1)
        self.assertTrue(mail.attachment_ids.name.endswith("未付款明细表.pdf"))

    def test_unpaid_summary_printed_by_finance(self):
        """Finance prints the unpaid summary of any month from the menu, with the same
        figures as the month-end e-mail."""
        wizard = (
            self.env["sales.unpaid.summary.wizard"]
            .with_user(self.finance)
            .create({"date_from": "2026-02-01", "date_to": "2026-02-28"})
        )
        action = wizard.action_pdf()
        self.assertEqual(action["report_name"], "sales_reconciliation.report_unpaid_summary")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                "sales_reconciliation.unpaid_summary_report_action",
                self.company.ids,
                data=action["data"],
            )[0]
            .decode()
        )
        self.assertIn("上海宏达贸易有限公司", html)
        self.assertIn("2,650.00", html)
        # Last month by default.
        default = self.env["sales.unpaid.summary.wizard"].create({})
        self.assertEqual(default.date_from.day, 1)
        self.assertEqual(default.date_to.month, default.date_from.month)
        self.assertLess(default.date_to, fields.Date.context_today(default))

    def test_unpaid_summary_cron(self):
        self.env["sales.statement"]._cron_send_unpaid_summary()
        mails = self.env["mail.mail"].search([("subject", "like", "客户未付款明细表")])
        self.assertIn(self.sales_manager.partner_id, mails.recipient_ids)

    def test_kpi_rates(self):
        Statement = self.env["sales.statement"]
        third = self.env["res.partner"].create(
            {
                "name": "第三客户",
                "is_company": True,
                "email": "c@example.com",
                "user_id": self.salesman.id,
            }
        )
        self.other_customer.user_id = self.salesman
        self._invoice(third, 50.0, date(2026, 2, 2))
        statements = Statement.generate_statements("2026-02-01", "2026-02-28")
        self.assertEqual(len(statements), 3)
        # answered within the reply deadline (March 6 and 13): completion counts them
        frozen = freeze_time("2026-03-03 02:00:00")
        frozen.start()
        self.addCleanup(frozen.stop)
        statements.action_send()
        by_partner = {s.partner_id: s for s in statements}
        by_partner[self.customer]._action_customer_confirm("王会计", SIGNATURE)
        disputed = by_partner[self.other_customer]
        disputed._action_customer_dispute([{"document": "X", "their_amount": 1.0, "reason": "?"}])
        disputed.discrepancy_ids.write(
            {
                "reason_category": "other",
                "responsible_side": "customer",
                "resolution": "客户记账错误",
            }
        )
        disputed.discrepancy_ids.action_resolve()
        disputed.action_resolve()
        disputed.action_send()
        disputed._action_customer_confirm("李经理", SIGNATURE)
        # 3 due, 2 confirmed (one after a discrepancy): completion 66.67 %, accuracy 50 %
        [group] = self.env["sales.statement.kpi"]._read_group(
            [("user_id", "=", self.salesman.id), ("date_to", "=", "2026-02-28")],
            ["user_id"],
            [
                "customers_due:sum",
                "customers_confirmed:sum",
                "completion_rate:avg",
                "accuracy_rate:avg",
            ],
        )
        self.assertEqual(group[1:3], (3, 2))
        self.assertAlmostEqual(group[3], 200.0 / 3, places=2)
        self.assertAlmostEqual(group[4], 50.0, places=2)

    def test_statement_pdf_renders_chinese(self):
        statement = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.customer
        )
        pdf = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("sales_reconciliation.sales_statement_report_action", statement.ids)[
                0
            ]
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                ["pdftotext", handle.name, "-"], capture_output=True, check=True, timeout=60
            ).stdout.decode()
        self.assertIn("贰仟陆佰伍拾元整", text)
        self.assertIn("对账确认回执", text)
        self.assertIn("上海宏达贸易有限公司", text)
