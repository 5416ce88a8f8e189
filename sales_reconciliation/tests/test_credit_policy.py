from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestCreditPolicy(StatementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        cls.product = cls.product_a
        cls.product.write(
            {"list_price": 100.0, "standard_price": 60.0, "taxes_id": [Command.clear()]}
        )

    def _order(self, partner, amount=1000.0, user=None):
        order = (
            self.env["sale.order"]
            .with_user(user or self.env.user)
            .create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        return order

    def test_grade_c_is_blocked(self):
        self.customer.credit_grade = "C"
        order = self._order(self.customer)
        self.assertIn("credit grade C", order.credit_policy_warning)
        with self.assertRaisesRegex(UserError, "credit grade C"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_credit_limit_counts_receivables_uninvoiced_orders_and_this_order(self):
        self.customer.credit_limit = 5000.0
        self._invoice(self.customer, 3000.0, self.today, due=self.today + timedelta(days=30))
        first = self._order(self.customer, 1500.0)
        first.action_confirm()  # 3000 + 1500 = 4500 <= 5000
        self.assertEqual(first.state, "sale")
        second = self._order(self.customer, 600.0)
        # 3000 open + 1500 confirmed not invoiced + 600 = 5100 > 5000
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            second.action_confirm()
        third = self._order(self.customer, 500.0)
        third.action_confirm()  # exactly 5000 passes
        self.assertEqual(third.state, "sale")

    def test_overdue_beyond_grace_days_is_blocked(self):
        self.company.credit_grace_days = 30
        self._invoice(
            self.customer,
            100.0,
            self.today - timedelta(days=60),
            due=self.today - timedelta(days=31),
        )
        with self.assertRaisesRegex(UserError, "overdue by 31 days"):
            self._order(self.customer).action_confirm()

    def test_overdue_within_grace_days_passes(self):
        self.company.credit_grace_days = 30
        self._invoice(
            self.customer,
            100.0,
            self.today - timedelta(days=40),
            due=self.today - timedelta(days=30),
        )
        order = self._order(self.customer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_grade_b_warns_and_passes(self):
        self.customer.credit_grade = "B"
        order = self._order(self.customer)
        self.assertIn("credit grade B", order.credit_policy_warning)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.message_ids.filtered(lambda m: "credit grade B" in (m.body or "")))

    def test_approved_override_lets_order_through_and_is_logged(self):
        self.customer.credit_grade = "C"
        order = self._order(self.customer)
        with self.assertRaisesRegex(UserError, "Request a credit override"):
            order.action_confirm()
        # Waiting for review, an override lets nothing through.
        override = self._credit_override(self.customer, reason="总经理特批:年底备货")
        with self.assertRaises(UserError):
            order.action_confirm()
        tier_decide(override, self.sales_manager)
        tier_decide(override, self.finance)
        self.assertEqual(override.approver_id, self.finance)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.credit_override_id, override)
        self.assertIn(order, override.order_ids)
        self.assertTrue(order.message_ids.filtered(lambda m: "总经理特批" in (m.body or "")))

    def test_expired_override_lets_nothing_through(self):
        self.customer.credit_limit = 500.0
        with self.assertRaisesRegex(UserError, "cannot end before today"):
            self._credit_override(self.customer, days=-1)
        override = self._approved_credit_override(self.customer)
        override.sudo().date_until = self.today - timedelta(days=1)
        self.assertFalse(override.is_valid)
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            self._order(self.customer).action_confirm()

    def test_prepaid_order_passes(self):
        self.customer.credit_grade = "C"
        self._payment(self.customer, 1200.0, self.today)
        order = self._order(self.customer, 1000.0)
        self.assertFalse(order.credit_policy_warning)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_customer_without_grade_or_limit_passes(self):
        order = self._order(self.other_customer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_suggested_grade_from_payment_behaviour(self):
        good, slow, bad = self.env["res.partner"].create(
            [
                {"name": "准时客户", "is_company": True},
                {"name": "拖欠客户", "is_company": True},
                {"name": "坏账客户", "is_company": True},
            ]
        )
        # good: 4 invoices paid on time
        for days in (100, 80, 60, 40):
            inv = self._invoice(
                good,
                100.0,
                self.today - timedelta(days=days),
                due=self.today - timedelta(days=days - 30),
            )
            self._pay(inv, 100.0, self.today - timedelta(days=days - 10))
        # slow: 4 invoices, 2 paid 20 days late -> 50% late, average 10 days
        for index, days in enumerate((100, 80, 60, 40)):
            inv = self._invoice(
                slow,
                100.0,
                self.today - timedelta(days=days),
                due=self.today - timedelta(days=days - 30),
            )
            late = 20 if index % 2 else -5
            self._pay(inv, 100.0, self.today - timedelta(days=days - 30 - late))
        # bad: an invoice open 120 days past due
        self._invoice(
            bad, 100.0, self.today - timedelta(days=150), due=self.today - timedelta(days=120)
        )
        partners = good | slow | bad
        partners.invalidate_recordset()
        self.assertEqual(partners.mapped("credit_grade_suggested"), ["A", "B", "C"])
        self.assertAlmostEqual(slow.payment_late_share, 50.0)
        self.assertAlmostEqual(slow.payment_avg_days_late, 10.0)
        self.assertEqual(bad.amount_overdue_90, 100.0)
        self.assertFalse(self.idle_customer.credit_grade_suggested)
        with self.assertRaises(AccessError):
            slow.with_user(self.salesman).action_apply_credit_grade_suggested()
        slow.with_user(self.sales_manager).action_apply_credit_grade_suggested()
        self.assertEqual(slow.credit_grade, "B")

    def test_warning_banner_through_form(self):
        self.customer.credit_grade = "B"
        form = Form(self.env["sale.order"])
        form.partner_id = self.customer
        with form.order_line.new() as line:
            line.product_id = self.product
        self.assertIn("credit grade B", form.credit_policy_warning)

    def test_head_office_limit_covers_its_branches(self):
        head = self.env["res.partner"].create(
            {"name": "华东集团总公司", "is_company": True, "customer_rank": 1}
        )
        branches = self.env["res.partner"].create(
            [
                {"name": f"华东集团{city}分公司", "is_company": True, "customer_rank": 1}
                for city in ("苏州", "无锡")
            ]
        )
        branches.head_office_id = head
        head.credit_limit = 5000.0
        self._invoice(branches[0], 3000.0, self.today, due=self.today + timedelta(days=30))
        # 3000 open at the first branch + 1500 = 4500 <= 5000
        self._order(branches[1], 1500.0).action_confirm()
        # 3000 + 1500 confirmed not invoiced + 600 > 5000, for the head office as for a branch
        for customer in (head, branches[1]):
            with self.assertRaisesRegex(UserError, "Group credit limit of head office"):
                self._order(customer, 600.0).action_confirm()
        # A customer outside the group is not concerned.
        self._order(self.customer, 600.0).action_confirm()
