from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestSalesLedgerAccess(SalesLedgerCommon):
    def test_salesman_sees_own_contracts_only(self):
        mine = self._create_contract(user=self.salesman)
        theirs = self._create_contract(user=self.salesman_2)
        Contract = self.env["sales.contract"].with_user(self.salesman)
        self.assertEqual(Contract.search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.salesman).read(["title"])
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman).unlink()

    def test_salesman_creates_and_submits_contract(self):
        contract = (
            self.env["sales.contract"]
            .with_user(self.salesman)
            .create({"title": "年度供货合同", "partner_id": self.customer.id, "amount": 5000.0})
        )
        self.assertEqual(contract.user_id, self.salesman)
        contract.action_submit()
        self.assertEqual(contract.state, "to_approve")

    def test_contract_admin_sees_all_contracts(self):
        contract = self._create_contract(user=self.salesman_2)
        contract.with_user(self.contract_admin).read(["title"])
        contract.with_user(self.sales_manager).read(["title"])

    def test_salesman_has_no_ledger_access(self):
        period = self.env["sales.ledger.period"].create({"date_from": "2025-03-01"})
        with self.assertRaises(AccessError):
            period.with_user(self.salesman).read(["name"])
        with self.assertRaises(AccessError):
            self.env["sales.ledger.period"].with_user(self.salesman).create(
                {"date_from": "2025-04-01"}
            )

    def test_finance_builds_ledger_but_cannot_delete(self):
        period = (
            self.env["sales.ledger.period"]
            .with_user(self.finance)
            .create({"date_from": "2025-05-01"})
        )
        period.action_generate_lines()
        with self.assertRaises(AccessError):
            period.unlink()

    def test_salesman_cannot_create_reviews(self):
        contract = self._create_contract()
        contract.action_submit()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.salesman).create(
                {
                    "model": "sales.contract",
                    "res_id": contract.id,
                    "definition_id": self.env.ref("sales_ledger.tier_contract_supervisor").id,
                    "status": "approved",
                }
            )

    def test_reviewers_see_what_they_review(self):
        contract = self._create_contract(user=self.salesman_2)
        contract.with_user(self.salesman_2).action_submit()
        for user in (self.sales_manager, self.contract_admin):
            contract.with_user(user).read(["title", "review_ids"])
        with self.assertRaises(AccessError):
            contract.with_user(self.salesman).read(["title"])

    def test_multi_company_rule(self):
        other = self.setup_other_company()["company"]
        contract = self._create_contract(company_id=other.id)
        with self.assertRaises(AccessError):
            contract.with_user(self.sales_manager).read(["title"])

    def test_employees_query_the_ledger_when_configured(self):
        """000: 公司员工有权查询销售台账 — read-only, switched on in the settings."""
        employee = new_test_user(self.env, "sl_employee", groups="base.group_user")
        self._invoice("2025-06-10")
        period = self.env["sales.ledger.period"].create({"date_from": "2025-06-01"})
        period.action_generate_lines()
        with self.assertRaises(AccessError):
            period.with_user(employee).read(["name"])
        self.env["res.config.settings"].create({"group_sales_ledger_employee_read": True}).execute()
        self.assertTrue(employee.has_group("sales_ledger.group_sales_ledger_reader"))
        as_employee = period.with_user(employee)
        self.assertEqual(as_employee.line_ids.mapped("amount_untaxed"), [1000.0])
        self.assertEqual(as_employee.amount_total, 1150.0)
        report = self.env.ref("sales_ledger.action_report_sales_ledger_period_xlsx")
        content, _fmt = report.with_user(employee)._render(report.report_name, period.ids)
        self.assertTrue(content)
        menu = self.env.ref("sales_ledger.sales_ledger_query_menu_root")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(employee)._visible_menu_ids())
        with self.assertRaises(AccessError):
            as_employee.write({"review_note": "改"})
        with self.assertRaises(AccessError):
            as_employee.action_generate_lines()
        with self.assertRaises(AccessError):
            self.env["sales.ledger.period"].with_user(employee).create({"date_from": "2025-07-01"})
        with self.assertRaises(AccessError):
            as_employee.line_ids.write({"quantity": 9})
        self.env["res.config.settings"].create(
            {"group_sales_ledger_employee_read": False}
        ).execute()
        with self.assertRaises(AccessError):
            period.with_user(employee).read(["name"])
