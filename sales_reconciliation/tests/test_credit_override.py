from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestCreditOverrideTiers(StatementCommon):
    """Credit overrides (信用特批) are requests approved on the shipped tier definitions:
    the sales manager, and finance for a grade C customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.credit_limit = 500.0
        cls.sales_manager_2 = new_test_user(
            cls.env,
            "sr_sales_manager_2",
            groups="sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.manager_tier = cls.env.ref("sales_reconciliation.tier_credit_override_sales_manager")
        cls.finance_tier = cls.env.ref("sales_reconciliation.tier_credit_override_finance")

    def _assert_blocked(self, order, **context):
        with self.assertRaisesRegex(UserError, "blocked by the credit policy"):
            order.with_context(**context).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_sales_manager_approves_request_end_to_end(self):
        order = self._salesman_order()
        override = (
            self.env["sales.credit.override"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "reason": "客户承诺月底前回款",
                    "date_until": fields.Date.today() + timedelta(days=10),
                }
            )
        )
        self.assertEqual(override.state, "draft")
        self.assertEqual(override.requested_by_id, self.salesman)
        self._assert_blocked(order)
        override.action_submit()
        self.assertEqual(override.state, "to_approve")
        self.assertEqual(override.review_ids.definition_id, self.manager_tier)
        self._assert_blocked(order)
        # The requester (also the customer's salesperson) does not approve it.
        with self.assertRaises(AccessError):
            tier_decide(override, self.salesman)
        # The reviewer sees what he reviews.
        override.with_user(self.sales_manager).read(["reason"])
        tier_decide(override, self.sales_manager, comment="同意，月底前必须回款")
        self.assertEqual(override.state, "approved")
        self.assertEqual(override.approver_id, self.sales_manager)
        self.assertTrue(override.approval_date)
        self.assertTrue(override.is_valid)
        self.assertEqual(override.review_ids.comment, "同意，月底前必须回款")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.credit_override_id, override)
        self.assertEqual(override.order_ids, order)

    def test_grade_c_customer_needs_finance_after_sales_manager(self):
        self.customer.credit_grade = "C"
        order = self._salesman_order()
        override = self._credit_override(self.customer)
        self.assertEqual(override.review_ids.definition_id, self.manager_tier | self.finance_tier)
        # Finance waits for the sales manager, and reads the override it will review.
        override.with_user(self.finance).read(["reason"])
        with self.assertRaises(AccessError):
            tier_decide(override, self.finance)
        tier_decide(override, self.sales_manager)
        self.assertEqual(override.state, "to_approve")
        self._assert_blocked(order)
        tier_decide(override, self.finance, comment="财务同意，跟进回款")
        self.assertEqual(override.state, "approved")
        self.assertEqual(override.approver_id, self.finance)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_rejection_with_comment(self):
        order = self._salesman_order()
        override = self._credit_override(self.customer)
        tier_decide(override, self.sales_manager, approve=False, comment="回款计划不明确")
        self.assertEqual(override.state, "rejected")
        self.assertEqual(override.validation_status, "rejected")
        rejected = override.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual(rejected.done_by, self.sales_manager)
        self.assertEqual(rejected.comment, "回款计划不明确")
        self.assertFalse(override.approver_id)
        self._assert_blocked(order)
        # The rejected request stays as decided.
        with self.assertRaises(UserError):
            override.with_user(self.salesman).write({"state": "draft"})
        with self.assertRaises(UserError):
            override.with_user(self.salesman).write({"reason": "换个理由"})

    def test_forged_overrides_are_refused(self):
        Override = self.env["sales.credit.override"].with_user(self.salesman)
        base = {
            "partner_id": self.customer.id,
            "reason": "伪造",
            "date_until": fields.Date.today() + timedelta(days=30),
        }
        order = self._salesman_order()
        forgeries = (
            {"state": "approved"},
            {"approver_id": self.sales_manager.id},
            {"approval_date": fields.Datetime.now()},
            {"requested_by_id": self.other_salesman.id},
            {"order_ids": [Command.link(order.id)]},
        )
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(UserError):
                Override.create(dict(base, **values))
        # A sales manager cannot create one as approved either.
        with self.assertRaises(UserError):
            self.env["sales.credit.override"].with_user(self.sales_manager).create(
                dict(base, state="approved", approver_id=self.sales_manager.id)
            )
        draft = Override.create(base)
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(UserError):
                draft.write(values)
        draft.action_submit()
        for values in forgeries + ({"date_until": "2099-12-31"},):
            with self.subTest(values=values), self.assertRaises(UserError):
                draft.write(values)
        # OCA's switch to write under validation is not the client's to send.
        with self.assertRaises(UserError):
            draft.with_context(skip_validation_check=True).write({"state": "approved"})
        self.assertEqual(draft.state, "to_approve")
        self._assert_blocked(order, skip_credit_policy=True)

    def test_requester_and_salesperson_never_approve(self):
        # A sales manager requesting an override does not approve it himself.
        override = self._credit_override(self.customer, user=self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(override, self.sales_manager)
        tier_decide(override, self.sales_manager_2)
        self.assertEqual(override.approver_id, self.sales_manager_2)
        # Nor does a sales manager who is the customer's salesperson.
        self.other_customer.user_id = self.sales_manager
        override = self._credit_override(self.other_customer, user=self.other_salesman)
        self.assertEqual(override.user_id, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(override, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(override, self.other_salesman)
        tier_decide(override, self.sales_manager_2)
        self.assertEqual(override.state, "approved")

    def test_revoked_override_lets_nothing_through(self):
        override = self._approved_credit_override(self.customer)
        with self.assertRaises(AccessError):
            override.with_user(self.other_salesman).action_revoke()
        with self.assertRaises(UserError):
            override.with_user(self.salesman).write({"active": False})
        # Nor deleted: the decision stays on record.
        with self.assertRaises(UserError):
            override.with_user(self.sales_manager).unlink()
        override.with_user(self.sales_manager).action_revoke()
        self.assertFalse(override.active)
        self.assertFalse(override.is_valid)
        order = self._salesman_order()
        self._assert_blocked(order)
        # Neither the context nor a write revives it.
        self._assert_blocked(order, active_test=False)
        with self.assertRaises(UserError):
            override.with_user(self.salesman).write({"active": True})

    def test_who_sees_overrides(self):
        override = self._credit_override(self.customer)
        Override = self.env["sales.credit.override"]
        self.assertFalse(Override.with_user(self.other_salesman).search([]))
        with self.assertRaises(AccessError):
            override.with_user(self.other_salesman).read(["reason"])
        for user in (self.salesman, self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                self.assertIn(override, Override.with_user(user).search([]))
        # Another company's overrides stay there.
        other_company = self.env["res.company"].create({"name": "另一家公司"})
        foreign = Override.create(
            {
                "partner_id": self.idle_customer.id,
                "company_id": other_company.id,
                "reason": "其他公司",
                "date_until": fields.Date.today(),
            }
        )
        for user in (self.salesman, self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                self.assertNotIn(foreign, Override.with_user(user).search([]))

    def test_definition_decides_who_approves(self):
        with Form(self.manager_tier) as definition:
            definition.review_type = "individual"
            definition.reviewer_id = self.sales_manager_2
        override = self._credit_override(self.customer)
        with self.assertRaises(AccessError):
            tier_decide(override, self.sales_manager)
        tier_decide(override, self.sales_manager_2)
        self.assertEqual(override.state, "approved")

    def test_request_from_customer_form(self):
        action = self.customer.with_user(self.salesman).action_request_credit_override()
        form = Form(
            self.env["sales.credit.override"]
            .with_user(self.salesman)
            .with_context(**action["context"])
        )
        self.assertEqual(form.partner_id, self.customer)
        form.reason = "年底备货"
        form.date_until = fields.Date.today() + timedelta(days=5)
        override = form.save()
        override.action_submit()
        self.assertEqual(override.state, "to_approve")
        self.assertIn(override, self.customer.credit_override_ids)
