from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestQuotationApproval(SalesLedgerCommon):
    def test_discount_within_limit_needs_no_approval(self):
        order = self._create_order(discount=10.0)
        self.assertEqual(order.approval_state, "not_required")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_discount_over_limit_blocks_send_and_confirm(self):
        order = self._create_order(discount=15.0)
        self.assertEqual(order.approval_state, "to_approve")
        with self.assertRaises(UserError):
            order.action_confirm()
        with self.assertRaises(UserError):
            order.action_quotation_send()
        with self.assertRaises(UserError):
            order.action_quotation_sent()

    def test_form_onchange_sets_approval_state(self):
        self.salesman.groups_id += self.env.ref("sale.group_discount_per_so_line")
        order = self._create_order()
        with Form(order.with_user(self.salesman)) as form:
            with form.order_line.edit(0) as line:
                line.discount = 25.0
            self.assertEqual(form.approval_state, "to_approve")
        self.assertEqual(order.approval_state, "to_approve")

    def test_manager_approves_then_confirmation(self):
        order = self._create_order(discount=20.0)
        order.with_user(self.salesman).action_request_quotation_approval()
        self.assertEqual(order.activity_ids.user_id, self.sales_manager)
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).action_approve_quotation("自己批准")
        action = order.action_open_approval_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.sales_manager)
            .with_context(**action["context"])
        )
        wizard.opinion = "大客户，同意 20% 折扣"
        wizard.save().action_approve()
        self.assertEqual(order.approval_state, "approved")
        self.assertEqual(order.approval_ids.user_id, self.sales_manager)
        self.assertEqual(order.approval_ids.opinion, "大客户，同意 20% 折扣")
        self.assertTrue(order.approval_ids.date)
        self.assertFalse(order.activity_ids)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_rejected_quotation_cannot_be_confirmed(self):
        order = self._create_order(discount=30.0)
        order.with_user(self.sales_manager).action_reject_quotation("折扣过高")
        self.assertEqual(order.approval_state, "rejected")
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_discount_change_after_approval_requires_new_approval(self):
        order = self._create_order(discount=15.0)
        order.with_user(self.sales_manager).action_approve_quotation()
        order.order_line.discount = 40.0
        self.assertEqual(order.approval_state, "to_approve")

    def test_confirmed_order_keeps_decision(self):
        order = self._create_order(discount=15.0)
        order.with_user(self.sales_manager).action_approve_quotation("同意")
        order.action_confirm()
        order.order_line.discount = 50.0
        self.assertEqual(order.approval_state, "approved")

    def test_salesman_cannot_self_approve_by_write(self):
        order = self._create_order(discount=15.0)
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).write({"approval_state": "approved"})
        self.assertEqual(order.approval_state, "to_approve")

    def test_team_without_approval(self):
        self.team.quotation_approval = False
        order = self._create_order(discount=50.0)
        self.assertEqual(order.approval_state, "not_required")


@tagged("post_install", "-at_install")
class TestOrderCustomerCheck(SalesLedgerCommon):
    def test_unapproved_customer_cannot_be_confirmed(self):
        for state in ("draft", "blocked"):
            self.customer.sudo().archive_state = state  # the file status is the workflow's
            order = self._create_order()
            with self.assertRaisesRegex(UserError, "customer file"):
                order.action_confirm()
            self.assertEqual(order.state, "draft")

    def test_contact_of_blocked_company(self):
        contact = self.env["res.partner"].create({"name": "李采购", "parent_id": self.customer.id})
        self.customer.sudo().archive_state = "blocked"
        order = self._create_order(partner=contact)
        with self.assertRaises(UserError):
            order.action_confirm()
        self.customer.sudo().archive_state = "approved"
        order.action_confirm()
        self.assertEqual(order.state, "sale")
