from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestContractGuard(SalesLedgerCommon):
    """Contracts and their changes move through their workflow only (SPEC §0)."""

    def test_salesperson_cannot_approve_his_contract_by_writing(self):
        contract = self._create_contract().with_user(self.salesman)
        with self.assertRaises(UserError):
            contract.write({"state": "approved"})
        contract.action_submit()
        for values in ({"state": "approved"}, {"validation_status": "validated"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                contract.write(values)
        with self.assertRaises(UserError):
            self.env["sales.contract"].with_user(self.salesman).create(
                {"title": "自批合同", "partner_id": self.customer.id, "state": "approved"}
            )
        # OCA's switch to write under validation is not the client's to send.
        with self.assertRaises(UserError):
            contract.with_context(skip_validation_check=True).write({"state": "approved"})
        # Writing the state directly is refused to reviewers too: they validate their tier.
        with self.assertRaises(UserError):
            contract.with_user(self.sales_manager).write({"state": "approved"})
        # The salesperson approves no tier of his contract, a reviewer no tier but his own.
        for user in (self.salesman, self.contract_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(contract, user)
        tier_decide(contract, self.sales_manager)
        tier_decide(contract, self.contract_admin)
        self.assertEqual(contract.state, "approved")
        contract.action_activate()
        self.assertEqual(contract.state, "active")

    def test_amount_of_active_contract_changes_through_a_change_only(self):
        contract = self._approved_contract(amount=10000.0).with_user(self.salesman)
        contract.action_activate()
        for user in (self.salesman, self.sales_manager, self.contract_admin):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                contract.with_user(user).write({"amount": 50000.0})
        for values in (
            {"partner_id": self.other_customer.id},
            {"date_end": fields.Date.today()},
            {"state": "terminated", "termination_reason": "自行解除"},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                contract.write(values)
        # Notes and the location of the original stay editable.
        contract.write({"original_location": "档案柜 A-3"})
        # A change created as approved, with a forged approver, is refused.
        Change = self.env["sales.contract.change"].with_user(self.salesman)
        values = {
            "contract_id": contract.id,
            "reason": "追加数量",
            "content": "数量由 10 台增至 50 台",
            "amount_after": 50000.0,
        }
        for forged in (
            {"state": "approved", "approver_id": self.sales_manager.id},
            {"requested_by_id": self.sales_director.id},
        ):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Change.create(dict(values, **forged))
        # The legitimate path: the change wizard, then the supervisor and the administrator.
        action = contract.action_open_change_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.salesman).with_context(**action["context"])
        )
        wizard.reason = values["reason"]
        wizard.content = values["content"]
        wizard.amount_after = 50000.0
        wizard.save().action_confirm()
        change = contract.change_ids
        self.assertEqual(change.state, "to_approve")
        self.assertEqual(change.amount_before, 10000.0)
        for forged in ({"state": "approved"}, {"amount_before": 1.0}, {"amount_after": 90000.0}):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                change.with_user(self.salesman).write(forged)
        with self.assertRaises(AccessError):
            tier_decide(change, self.salesman)
        tier_decide(change, self.sales_manager)
        tier_decide(change, self.contract_admin)
        self.assertEqual(contract.amount, 50000.0)
        self.assertEqual(change.approver_id, self.contract_admin)
        with self.assertRaises(UserError):
            change.with_user(self.salesman).write({"amount_after": 90000.0})

    def test_termination_only_through_an_approved_request(self):
        contract = self._approved_contract().with_user(self.salesman)
        with self.assertRaises(UserError):
            contract.write({"state": "terminated"})
        with self.assertRaises(UserError):
            self.env["sales.contract.change"].with_user(self.salesman).create(
                {
                    "contract_id": contract.id,
                    "change_type": "termination",
                    "reason": "客户要求",
                    "content": "解除合同",
                    "state": "approved",
                }
            )
        self.assertEqual(contract.state, "approved")

    def test_dispute_state_through_its_buttons(self):
        contract = self._approved_contract()
        dispute = (
            self.env["sales.contract.dispute"]
            .with_user(self.salesman)
            .create({"name": "交货延迟", "contract_id": contract.id, "cause": "延迟两周"})
        )
        with self.assertRaises(UserError):
            dispute.write({"state": "resolved"})
        dispute.action_handle()
        dispute.action_resolve()
        self.assertEqual(dispute.state, "resolved")

    def test_reviews_cannot_be_forged(self):
        contract = self._create_contract()
        contract.with_user(self.salesman).action_submit()
        review = contract.review_ids.sorted("sequence")[0]
        with self.assertRaises(UserError):
            self.env["tier.review"].with_user(self.salesman).create(
                {
                    "model": contract._name,
                    "res_id": contract.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        for user in (self.salesman, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                review.with_user(user).write({"status": "approved", "done_by": user.id})
        with self.assertRaises(UserError):
            review.with_user(self.salesman).unlink()
        self.assertEqual(
            contract.review_ids.sorted("sequence").mapped("status"), ["pending", "waiting"]
        )
        tier_decide(contract, self.sales_manager, comment="同意")
        self.assertEqual(review.done_by, self.sales_manager)

    def test_forged_amount_before_is_replaced(self):
        contract = self._approved_contract(amount=8000.0)
        change = (
            self.env["sales.contract.change"]
            .with_user(self.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "reason": "调价",
                    "content": "单价调整",
                    "amount_before": 1.0,
                    "amount_after": 9000.0,
                }
            )
        )
        self.assertEqual(change.amount_before, 8000.0)

    def test_settlement_grant_cannot_be_forged(self):
        with self.assertRaises(UserError):
            self.customer.with_user(self.salesman).write(
                {"settlement_approved_by_id": self.sales_manager.id}
            )


@tagged("post_install", "-at_install")
class TestLedgerGuard(SalesLedgerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.january = cls.env["sales.ledger.period"].create({"date_from": "2025-01-01"})

    def _locked_january(self):
        self._invoice("2025-01-10")
        self.january.action_generate_lines()
        self.january.action_submit()
        tier_decide(self.january, self.sales_manager)
        self.assertEqual(self.january.state, "locked")
        return self.january

    def test_locked_month_never_reopens(self):
        period = self._locked_january()
        for user in (self.finance, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                period.with_user(user).write({"state": "open"})
        # Not even as the superuser.
        with self.assertRaises(UserError):
            period.sudo().write({"state": "open"})
        with self.assertRaises(UserError):
            period.with_user(self.finance).write({"locked_by_id": self.finance.id})
        with self.assertRaises(UserError):
            period.with_user(self.sales_manager).write({"review_note": "改过的意见"})
        with self.assertRaises(UserError):
            period.with_user(self.finance).action_generate_lines()
        with self.assertRaises(UserError):
            period.line_ids.sudo().write({"amount_total": 1.0})
        with self.assertRaises(UserError):
            self.env["sales.ledger.line"].create(
                {"period_id": period.id, "company_id": period.company_id.id}
            )
        self.assertEqual(period.state, "locked")
        self.assertEqual(period.locked_by_id, self.sales_manager)

    def test_open_month_workflow_fields(self):
        period = self.january.with_user(self.finance)
        with self.assertRaises(UserError):
            period.write({"state": "submitted"})
        with self.assertRaises(UserError):
            period.write({"submitted_by_id": self.sales_manager.id})
        with self.assertRaises(UserError):
            self.env["sales.ledger.period"].with_user(self.finance).create(
                {"date_from": "2025-03-01", "state": "locked"}
            )
        # The buttons work: regenerate, submit, send back, submit again.
        self._invoice("2025-01-12")
        period.action_generate_lines()
        period.action_submit()
        self.assertEqual(period.submitted_by_id, self.finance)
        tier_decide(self.january, self.sales_manager, approve=False, comment="发票日期有误")
        self.assertEqual(period.state, "open")
        period.action_submit()
        self.assertEqual(period.state, "submitted")
        # the review fields are the engine's
        with self.assertRaises(UserError):
            period.write({"validation_status": "validated"})


@tagged("post_install", "-at_install")
class TestQuotationLimitGuard(SalesLedgerCommon):
    """The limit is the salesperson's team's (or the company's), not the order's team."""

    def test_moving_to_a_lax_team_keeps_the_approval_requirement(self):
        lax_team = self.env["crm.team"].create({"name": "Lax", "quotation_discount_limit": 100})
        order = self._create_order(discount=30.0)
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")
        order.with_user(self.salesman).write({"team_id": lax_team.id})
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        for values in (
            {"approval_state": "approved"},
            {"discount_over_limit": False},
            {"validation_status": "validated"},
        ):
            for user in (self.salesman, self.sales_manager):
                with self.subTest(values=values, user=user.login), self.assertRaises(UserError):
                    order.with_user(user).write(values)
        order.with_user(self.salesman).request_validation()
        self.env.flush_all()
        tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director)
        self.assertEqual(order.approval_state, "approved")

    def test_salesperson_without_team_follows_the_company(self):
        loner = new_test_user(
            self.env,
            "sl_loner",
            groups="sales_team.group_sale_salesman",
            company_id=self.customer.env.company.id,
        )
        self.env.company.quotation_discount_limit = 5.0
        order = self._create_order(discount=8.0, user=loner, team_id=self.team.id)
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")
        # No team, no team leader: the sales managers approve.
        self.assertFalse(order.supervisor_id)
        self.env.company.quotation_discount_limit = 10.0
        self.assertFalse(order.discount_over_limit)
        self.assertEqual(order.approval_state, "not_required")

    def test_salespersons_team_limit(self):
        order = self._create_order(discount=8.0, team_id=False)
        self.assertFalse(order.discount_over_limit)
        self.assertEqual(order.approval_state, "not_required")
        order.order_line.discount = 12.0
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")
        self.assertEqual(order.supervisor_id, self.sales_manager)

    def test_settings_show_company_limits(self):
        settings = self.env["res.config.settings"].create(
            {"quotation_discount_limit": 7.0, "quotation_amount_limit": 50000.0}
        )
        settings.execute()
        self.assertEqual(self.env.company.quotation_discount_limit, 7.0)
        self.assertEqual(self.env.company.quotation_amount_limit, 50000.0)
