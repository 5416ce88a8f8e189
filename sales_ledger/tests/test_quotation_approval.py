from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestQuotationApproval(SalesLedgerCommon):
    """Quotations beyond their salesperson's limits (报价审批): the team leader (销售主管),
    then a sales manager (上级领导) approve them, on the shipped tier definitions."""

    def _request(self, order):
        order.with_user(order.user_id).request_validation()
        order.env.flush_all()  # the end of the request: the first tier is pending
        return order

    def test_discount_within_limit_needs_no_approval(self):
        order = self._create_order(discount=10.0)
        self.assertFalse(order.discount_over_limit or order.below_pricelist)
        self.assertEqual(order.approval_state, "not_required")
        self.assertFalse(order.need_validation)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_discount_over_limit_blocks_send_and_confirm(self):
        order = self._create_order(discount=15.0)
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")
        self.assertTrue(order.need_validation)
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_quotation_send()
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_quotation_sent()
        # Not even as the superuser (a customer accepting it on the portal).
        with self.assertRaises(UserError):
            order.sudo().action_confirm()
        # Nor by writing the state: OCA asks for the validation.
        with self.assertRaises(UserError):
            order.with_user(self.salesman).write({"state": "sale"})
        self.assertEqual(order.state, "draft")

    def test_discounts_shown_once_the_suite_is_installed(self):
        user = new_test_user(self.env, "ql_new_salesman", groups="sales_team.group_sale_salesman")
        self.assertTrue(user.has_group("sale.group_discount_per_so_line"))

    def test_form_shows_the_limit(self):
        order = self._create_order()
        with Form(order.with_user(self.salesman)) as form:
            with form.order_line.edit(0) as line:
                line.discount = 25.0
            self.assertTrue(form.discount_over_limit)
        self.assertEqual(order.approval_state, "to_approve")

    def test_supervisor_then_director(self):
        order = self._request(self._create_order(discount=20.0))
        self.assertEqual(order.supervisor_id, self.sales_manager)
        self.assertEqual(
            order.review_ids.sorted("sequence").definition_id,
            self.env.ref("sales_ledger.tier_quotation_supervisor")
            | self.env.ref("sales_ledger.tier_quotation_director"),
        )
        self.assertEqual(order.approval_state, "to_approve")
        # The salesperson approves no tier of his quotation; the director waits his turn.
        for user in (self.salesman, self.sales_director):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(order, user)
        tier_decide(order, self.sales_manager, comment="大客户，同意 20% 折扣")
        self.assertEqual(order.approval_state, "to_approve")
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()
        # The supervisor is a sales manager too, but one person signs one tier.
        with self.assertRaises(AccessError):
            tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director, comment="同意")
        self.assertEqual(order.approval_state, "approved")
        reviews = order.review_ids.sorted("sequence")
        self.assertEqual(
            [review.done_by for review in reviews], [self.sales_manager, self.sales_director]
        )
        self.assertEqual(reviews.mapped("comment"), ["大客户，同意 20% 折扣", "同意"])
        order.with_user(self.salesman).action_quotation_sent()
        self.assertEqual(order.state, "sent")
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.approval_state, "approved")

    def test_team_leader_salesperson_reviews_his_team(self):
        leader = new_test_user(
            self.env,
            "sl_leader",
            groups="sales_team.group_sale_salesman",
            company_id=self.env.company.id,
        )
        self.team.user_id = leader
        order = self._request(self._create_order(discount=20.0))
        self.assertEqual(order.supervisor_id, leader)
        # He reads the quotation he reviews, and its lines, but does not edit them.
        order.with_user(leader).read(["amount_total"])
        order.order_line.with_user(leader).read(["discount"])
        tier_decide(order, leader)
        tier_decide(order, self.sales_director)
        self.assertEqual(order.approval_state, "approved")

    def test_team_leaders_own_quotation_goes_to_the_directors(self):
        self.team.member_ids = [Command.link(self.sales_manager.id)]
        order = self._request(self._create_order(discount=20.0, user=self.sales_manager))
        self.assertFalse(order.supervisor_id)
        self.assertEqual(
            order.review_ids.definition_id, self.env.ref("sales_ledger.tier_quotation_director")
        )
        self.assertNotIn(self.sales_manager, order.review_ids.reviewer_ids)
        with self.assertRaises(AccessError):
            tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director)
        self.assertEqual(order.approval_state, "approved")

    def test_rejected_quotation_cannot_be_confirmed(self):
        order = self._request(self._create_order(discount=30.0))
        tier_decide(order, self.sales_manager, approve=False, comment="折扣过高")
        self.assertEqual(order.approval_state, "rejected")
        self.assertEqual(order.state, "draft")
        self.assertIn("折扣过高", "".join(order.message_ids.mapped("body")))
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_quotation_send()
        # The salesperson restarts the validation, lowers the discount: no approval needed.
        order.with_user(self.salesman).restart_validation()
        order.order_line.with_user(self.salesman).discount = 10.0
        self.assertEqual(order.approval_state, "not_required")
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_approved_quotation_is_frozen(self):
        order = self._request(self._create_order(discount=15.0))
        tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director)
        self.assertEqual(order.approval_state, "approved")
        line = order.order_line.with_user(self.salesman)
        # Over RPC on the lines as on the order, the approved figures stay.
        for values in ({"discount": 40.0}, {"price_unit": 100.0}, {"product_uom_qty": 50.0}):
            with self.subTest(values=values), self.assertRaises(UserError):
                line.write(values)
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            line.create({"order_id": order.id, "product_id": self.product.id, "price_unit": 1.0})
        with self.assertRaises(UserError):
            order.with_user(self.salesman).write(
                {"order_line": [Command.update(line.id, {"discount": 40.0})]}
            )
        # Restarted, the quotation changes and is approved again.
        order.with_user(self.salesman).restart_validation()
        line.discount = 40.0
        self.assertEqual(order.approval_state, "to_approve")
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_confirm()

    def test_copy_of_an_approved_quotation_is_approved_again(self):
        order = self._request(self._create_order(discount=15.0))
        tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director)
        copy = order.with_user(self.salesman).copy()
        self.assertFalse(copy.review_ids)
        self.assertTrue(copy.discount_over_limit)
        self.assertEqual(copy.approval_state, "to_approve")
        with self.assertRaises(UserError):
            copy.with_user(self.salesman).action_confirm()

    def test_confirmed_order_keeps_decision(self):
        order = self._request(self._create_order(discount=15.0))
        tier_decide(order, self.sales_manager)
        tier_decide(order, self.sales_director)
        order.action_confirm()
        order.order_line.discount = 50.0
        self.assertTrue(order.discount_over_limit)
        self.assertEqual(order.approval_state, "approved")

    def test_below_pricelist(self):
        at_list = self._create_order(price=1000.0)
        below = self._create_order(price=900.0)
        self.assertFalse(at_list.below_pricelist)
        self.assertTrue(below.below_pricelist)
        self.assertEqual(below.approval_state, "to_approve")
        with self.assertRaises(UserError):
            below.with_user(self.salesman).action_confirm()
        self._request(below)
        tier_decide(below, self.sales_manager)
        tier_decide(below, self.sales_director)
        below.with_user(self.salesman).action_confirm()
        self.assertEqual(below.state, "sale")

    def test_below_cost_even_at_the_pricelist_price(self):
        """With Discounts off, a promotional pricelist under the cost (800) still needs the
        approvers: the price is the pricelist's, the margin is negative."""
        promotion = self.env["product.pricelist"].create(
            {
                "name": "清仓促销",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.product.id,
                            "compute_price": "fixed",
                            "fixed_price": 700.0,
                        }
                    )
                ],
            }
        )
        order = self._create_order(price=700.0, pricelist_id=promotion.id)
        self.assertFalse(order.below_pricelist)
        self.assertTrue(order.below_cost)
        self.assertEqual(order.approval_state, "to_approve")
        with self.assertRaisesRegex(UserError, "cost"):
            order.with_user(self.salesman).action_confirm()
        at_cost = self._create_order(price=800.0, pricelist_id=promotion.id)
        self.assertFalse(at_cost.below_cost)

    def test_amount_over_limit(self):
        self.team.quotation_amount_limit = 5000.0
        small = self._create_order(qty=4.0)  # 4,600 with taxes
        large = self._create_order(qty=5.0)  # 5,750 with taxes
        self.assertFalse(small.amount_over_limit)
        self.assertTrue(large.amount_over_limit)
        self.assertEqual(large.approval_state, "to_approve")
        self.team.quotation_amount_limit = 0.0
        self.assertFalse(large.amount_over_limit)

    def test_limits_cannot_be_forged(self):
        self.team.quotation_amount_limit = 100.0
        Order = self.env["sale.order"].with_user(self.salesman)
        values = {
            "partner_id": self.customer.id,
            "order_line": [
                Command.create({"product_id": self.product.id, "price_unit": 500.0, "discount": 50})
            ],
        }
        for forged in (
            {"discount_over_limit": False},
            {"approval_state": "approved"},
            {"validation_status": "validated"},
        ):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Order.create(dict(values, **forged))
        order = Order.create(values)
        self.assertTrue(order.discount_over_limit and order.below_pricelist)
        self.assertTrue(order.amount_over_limit)
        for name in ("discount_over_limit", "below_pricelist", "amount_over_limit"):
            with self.subTest(name=name), self.assertRaises(UserError):
                order.write({name: False})
        # A review is the engine's: not created, written or deleted by the salesperson.
        self._request(order)
        with self.assertRaises(UserError):
            order.review_ids[:1].with_user(self.salesman).write({"status": "approved"})
        with self.assertRaises(UserError):
            order.write({"review_ids": [Command.clear()]})
        with self.assertRaises(UserError):
            order.with_context(skip_validation_check=True).write({"state": "sale"})
        self.assertEqual(order.state, "draft")

    def test_definition_decides_who_approves(self):
        self.env.ref("sales_ledger.tier_quotation_director").active = False
        order = self._request(self._create_order(discount=20.0))
        tier_decide(order, self.sales_manager)
        self.assertEqual(order.approval_state, "approved")


@tagged("post_install", "-at_install")
class TestOrderCustomerCheck(SalesLedgerCommon):
    def test_unapproved_customer_cannot_be_confirmed(self):
        for state in ("draft", "blocked"):
            self.customer.sudo().archive_state = state  # the file status is the workflow's
            order = self._create_order()
            with self.assertRaisesRegex(UserError, "customer file"):
                order.action_confirm()
            # Nor by writing the state past action_confirm's checks.
            with self.assertRaises(UserError):
                order.with_user(self.salesman).write({"state": "sale"})
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

    def test_closed_customer_needs_a_trade_release(self):
        self.customer.sudo().action_close_customer()
        order = self._create_order()
        with self.assertRaisesRegex(UserError, "trade release"):
            order.action_confirm()
        release = (
            self.env["customer.trade.release"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "reason": "客户补签还款协议，特批最后一批交货",
                    "date_until": fields.Date.today(),
                }
            )
        )
        release.action_submit()
        tier_decide(release, self.sales_manager)
        self.assertEqual(release.state, "approved")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
