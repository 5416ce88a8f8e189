from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestCreditExposureWhoeverConfirms(StatementCommon):
    """The credit limit counts every order of the customer, also those the confirming
    salesperson cannot read: he confirms only what a sales manager could."""

    def _order(self, user, amount):
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product_a.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def test_orders_of_others_count_for_the_salesperson(self):
        self.customer.credit_limit = 5000.0
        managers_order = self._order(self.sales_manager, 4000.0)
        managers_order.action_confirm()
        self.assertFalse(
            self.env["sale.order"]
            .with_user(self.salesman)
            .search_count([("id", "=", managers_order.id)]),
            "the salesperson does not read the manager's order",
        )
        own = self._order(self.salesman, 1500.0)
        # 4000 confirmed not invoiced + 1500 > 5000, whoever confirms
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            own.with_user(self.salesman).action_confirm()
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            own.with_user(self.sales_manager).action_confirm()
        self.assertIn("4,000.00", own.with_user(self.salesman).credit_policy_warning)
        self.assertEqual(own.state, "draft")


@tagged("post_install", "-at_install")
class TestGenerationActsOnChangeableStatements(StatementCommon):
    """generate_statements stores the figures as superuser, so it first keeps only the
    statements the user may create or change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()
        cls._invoice(cls.idle_customer, 55.0, date(2026, 2, 4))
        cls.Statement = cls.env["sales.statement"]

    def test_salesperson_generates_only_his_own_customers(self):
        statements = self.Statement.with_user(self.salesman).generate_statements(
            "2026-02-01", "2026-02-28"
        )
        self.assertEqual(statements.partner_id, self.customer)
        self.assertFalse(
            self.Statement.search(
                [
                    ("partner_id", "in", (self.other_customer | self.idle_customer).ids),
                    ("date_from", "=", "2026-02-01"),
                ]
            ),
            "nothing made for another salesperson's customer or one without salesperson",
        )
        with self.assertRaisesRegex(AccessError, self.other_customer.name):
            self.Statement.with_user(self.salesman).generate_statements(
                "2026-02-01", "2026-02-28", self.other_customer
            )
        with self.assertRaises(AccessError):
            self.Statement.with_user(self.salesman).generate_statements(
                "2026-02-01", "2026-02-28", self.idle_customer
            )
        # finance generates every customer's
        every = self.Statement.with_user(self.finance).generate_statements(
            "2026-02-01", "2026-02-28"
        )
        self.assertEqual(every.partner_id, self.customer | self.other_customer | self.idle_customer)

    def test_salesperson_cannot_reissue_another_salespersons_statement(self):
        other = self.Statement.generate_statements("2026-02-01", "2026-02-28", self.other_customer)
        other.action_send()
        hash_before = other.content_hash
        # the books change: a reissue would raise the revision and reopen the statement
        self._invoice(self.other_customer, 10.0, date(2026, 2, 25))
        with self.assertRaises(AccessError):
            self.Statement.with_user(self.salesman).generate_statements(
                "2026-02-01", "2026-02-28", self.other_customer
            )
        self.Statement.with_user(self.salesman).generate_statements("2026-02-01", "2026-02-28")
        self.assertRecordValues(
            other, [{"state": "sent", "revision": 0, "content_hash": hash_before}]
        )
        # its own salesperson reissues it
        self.Statement.with_user(self.other_salesman).generate_statements(
            "2026-02-01", "2026-02-28", self.other_customer
        )
        self.assertRecordValues(other, [{"state": "draft", "revision": 1}])


@tagged("post_install", "-at_install")
class TestUnassignedAndConfidentialRecords(StatementCommon):
    """Statements and discrepancies without salesperson are read by every salesperson and
    changed by those who see all; credit-override reasons and the approval opinions on
    them are for the requester, the customer's salesperson, the reviewers, managers and
    finance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._invoice(cls.idle_customer, 55.0, date(2026, 2, 4))
        cls.idle_customer.email = "ap@idle.example.com"
        cls.statement = cls.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", cls.idle_customer
        )
        cls.statement.action_send()
        cls.statement._action_customer_dispute(
            [{"document": "收据 R-1", "their_amount": 10.0, "reason": "已付"}]
        )
        cls.employee = new_test_user(
            cls.env,
            "sr_employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def test_statement_without_salesperson(self):
        discrepancy = self.statement.discrepancy_ids
        for user in (self.salesman, self.other_salesman):
            with self.subTest(user=user.login):
                self.assertEqual(self.statement.with_user(user).name, self.statement.name)
                self.assertEqual(discrepancy.with_user(user).document, "收据 R-1")
                with self.assertRaises(AccessError):
                    self.statement.with_user(user).write({"user_id": user.id})
                with self.assertRaises(AccessError):
                    discrepancy.with_user(user).write({"resolution": "核对无误"})
        for user in (self.sales_manager, self.finance):
            discrepancy.with_user(user).write({"resolution": "核对无误"})
        self.statement.with_user(self.sales_manager).write({"user_id": self.salesman.id})
        discrepancy.with_user(self.salesman).write({"resolution": "已与客户核对"})

    def test_credit_override_reason_and_opinion(self):
        override = self._credit_override(self.customer, reason="老客户，月底回款")
        tier_decide(override, self.sales_manager, comment="同意，限十天")
        domain = [("model", "=", override._name), ("res_id", "=", override.id)]
        for user in (self.other_salesman, self.employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    override.with_user(user).read(["reason"])
                self.assertFalse(self.env["tier.review"].with_user(user).search(domain))
        for user in (self.salesman, self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                self.assertEqual(override.with_user(user).reason, "老客户，月底回款")
                reviews = self.env["tier.review"].with_user(user).search(domain)
                self.assertIn("同意，限十天", reviews.mapped("comment"))
