import json
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import StatementCommon

AGING = "sales_reconciliation.ar_aging_report_action"
AGING_XLSX = "sales_reconciliation.ar_aging_xlsx_report_action"
UNPAID = "sales_reconciliation.unpaid_summary_report_action"


@tagged("post_install", "-at_install")
class TestReportAccess(StatementCommon, HttpCase):
    """The AR aging and the unpaid summary follow the statements' rules: finance and
    sales managers see the company, a salesperson his own customers, a user without
    a sales or finance role and a user of another company nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()
        cls.employee = new_test_user(
            cls.env,
            "sr_employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.company_2 = cls.setup_other_company()["company"]
        cls.foreign_finance = new_test_user(
            cls.env,
            "sr_foreign_finance",
            groups="account.group_account_invoice,sales_team.group_sale_manager",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.aging_data = {"company_id": cls.company.id, "date_to": "2026-02-28"}
        cls.unpaid_data = {
            "company_id": cls.company.id,
            "date_from": "2026-02-01",
            "date_to": "2026-02-28",
        }

    def _aging_customers(self, user):
        values = (
            self.env["report.sales_reconciliation.report_ar_aging"]
            .with_user(user)
            ._get_report_values(self.company.ids, self.aging_data)
        )
        return {row["partner"] for row in values["rows"]}

    def _unpaid_customers(self, user):
        values = (
            self.env["report.sales_reconciliation.report_unpaid_summary"]
            .with_user(user)
            ._get_report_values(self.company.ids, self.unpaid_data)
        )
        return {row["partner"] for row in values["rows"]}

    def test_scope_per_role(self):
        both = {self.customer, self.other_customer}
        for user, expected in (
            (self.salesman, {self.customer}),
            (self.other_salesman, {self.other_customer}),
            (self.sales_manager, both),
            (self.finance, both),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(self._aging_customers(user), expected)
                self.assertEqual(self._unpaid_customers(user), expected)

    def test_refused_without_role_and_to_other_company(self):
        for user in (self.employee, self.foreign_finance):
            for report, data in ((AGING, self.aging_data), (UNPAID, self.unpaid_data)):
                with self.subTest(user=user.login, report=report), self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        report, self.company.ids, data=data
                    )
            with self.subTest(user=user.login, report="xlsx"), self.assertRaises(AccessError):
                self.env["ir.actions.report"].with_user(user)._render(
                    AGING_XLSX, self.company.ids, data=self.aging_data
                )

    def _get(self, path, data):
        return self.url_open(f"{path}/{self.company.id}?options={json.dumps(data)}")

    @mute_logger("odoo.http")
    def test_report_routes(self):
        routes = (
            ("/report/html/sales_reconciliation.report_ar_aging", self.aging_data),
            ("/report/pdf/sales_reconciliation.report_ar_aging", self.aging_data),
            ("/report/html/sales_reconciliation.report_unpaid_summary", self.unpaid_data),
            ("/report/xlsx/sales_reconciliation.report_ar_aging_xlsx", self.aging_data),
        )
        self.authenticate(self.employee.login, self.employee.login)
        for path, data in routes:
            with self.subTest(path=path, user="employee"):
                response = self._get(path, data)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn("苏州联合电子有限公司", response.text)
        self.authenticate(self.salesman.login, self.salesman.login)
        response = self._get(routes[0][0], self.aging_data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("上海宏达贸易有限公司", response.text)
        self.assertNotIn("苏州联合电子有限公司", response.text)

    def test_kpi_rules(self):
        statements = self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28")
        self.assertEqual(statements.partner_id, self.customer | self.other_customer)
        Kpi = self.env["sales.statement.kpi"]
        domain = [("date_to", "=", date(2026, 2, 28))]
        for user, expected in (
            (self.salesman, self.customer),
            (self.other_salesman, self.other_customer),
            (self.sales_manager, self.customer | self.other_customer),
            (self.finance, self.customer | self.other_customer),
            (self.foreign_finance, self.env["res.partner"]),
        ):
            with self.subTest(user=user.login):
                rows = Kpi.with_user(user).search(domain)
                self.assertEqual(rows.partner_id, expected)
                groups = Kpi.with_user(user)._read_group(domain, ["partner_id"], ["__count"])
                self.assertEqual({partner for partner, _count in groups}, set(expected))
        with self.assertRaises(AccessError):
            Kpi.with_user(self.employee).search(domain)
