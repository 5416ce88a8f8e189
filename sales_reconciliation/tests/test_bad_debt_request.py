from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestBadDebtRequest(StatementCommon):
    """坏帐申请单 (regulation 004): the salesperson asks, the sales manager then the finance
    manager approve, and the approval posts the write-off reconciled with the invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_manager = new_test_user(
            cls.env,
            "sr_finance_manager",
            groups="account.group_account_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.bad_debt_account = cls.env["account.account"].create(
            {"name": "信用减值损失", "code": "6702", "account_type": "expense"}
        )
        cls.company.bad_debt_account_id = cls.bad_debt_account
        cls.invoice_1 = cls._invoice(cls.customer, 1000.0, date(2026, 1, 10))
        cls.invoice_2 = cls._invoice(cls.customer, 600.0, date(2026, 1, 20))
        cls._pay(cls.invoice_1, 400.0, date(2026, 1, 25))

    def _evidence(self, user=None):
        return (
            self.env["ir.attachment"]
            .with_user(user or self.salesman)
            .create({"name": "法院裁定书.pdf", "raw": b"%PDF-1.4 ruling"})
        )

    def _request(self, amount=800.0, invoices=None, evidence=True, user=None):
        user = user or self.salesman
        values = {
            "partner_id": self.customer.id,
            "invoice_ids": [Command.set((invoices or self.invoice_1 | self.invoice_2).ids)],
            "amount": amount,
            "reason": "客户已破产清算，法院裁定终结执行",
        }
        if evidence:
            values["attachment_ids"] = [Command.set(self._evidence(user).ids)]
        return self.env["sales.bad.debt.request"].with_user(user).create(values)

    def _approve(self, request):
        tier_decide(request, self.sales_manager, comment="同意核销")
        self.assertEqual(request.state, "to_approve")
        tier_decide(request, self.finance_manager, comment="财务同意")

    def test_approval_posts_the_write_off_shown_in_the_next_statement(self):
        request = self._request()
        self.assertTrue(request.name.startswith("HZ"))
        self.assertEqual(request.amount_residual, 1200.0)
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("sales_reconciliation.tier_bad_debt_request_sales_manager")
            | self.env.ref("sales_reconciliation.tier_bad_debt_request_finance"),
        )
        self.assertFalse(request.move_id)
        self._approve(request)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.finance_manager)
        # the write-off entry is finance's to read, not the requesting salesperson's
        move = request.move_id.with_user(self.finance_manager)
        self.assertEqual(move.state, "posted")
        expense = move.line_ids.filtered(lambda line: line.account_id == self.bad_debt_account)
        self.assertEqual(expense.debit, 800.0)
        receivable = move.line_ids - expense
        self.assertEqual(sum(receivable.mapped("credit")), 800.0)
        self.assertTrue(all(line.reconciled for line in receivable))
        # The oldest invoice first: its 600.00 due, then 200.00 of the second.
        self.assertEqual(self.invoice_1.amount_residual, 0.0)
        self.assertEqual(self.invoice_1.payment_state, "paid")
        self.assertEqual(self.invoice_2.amount_residual, 400.0)
        # The next statement of the customer shows the write-off and the lower balance.
        today = fields.Date.context_today(request)
        statement = self.env["sales.statement"].generate_statements(
            date(2026, 1, 1), max(today, date(2026, 1, 31)), self.customer
        )
        lines = statement.line_ids.filtered(lambda line: line.move_id == move)
        self.assertEqual(sum(lines.mapped("credit")), 800.0)
        self.assertEqual(statement.closing_balance, 400.0)

    def test_write_off_is_not_collected(self):
        """The collection rate (回款率) counts the payment, not the write-off."""
        today = fields.Date.context_today(self.customer)
        invoice = self._invoice(self.customer, 500.0, today)
        self._pay(invoice, 100.0, today)
        request = self._request(amount=400.0, invoices=invoice)
        request.action_submit()
        self._approve(request)
        self.assertTrue(invoice.currency_id.is_zero(invoice.amount_residual))
        row = self.env["sales.collection.rate"].search([("move_id", "=", invoice.id)])
        self.assertEqual((row.amount_due, row.amount_collected), (500.0, 100.0))
        self.assertEqual(row.collection_rate, 20.0)

    def test_nobody_approves_his_own_request(self):
        request = self._request(user=self.sales_manager)
        request.action_submit()
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        # The customer's salesperson neither.
        request = self._request()
        request.action_submit()
        with self.assertRaises(AccessError):
            tier_decide(request, self.salesman)
        # Finance waits for the sales manager.
        with self.assertRaises(AccessError):
            tier_decide(request, self.finance_manager)
        self.assertEqual(request.state, "to_approve")
        self.assertFalse(request.move_id)

    def test_salesperson_cannot_write_the_workflow_fields(self):
        request = self._request()
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "line_ids": [
                    Command.create({"account_id": self.bad_debt_account.id, "debit": 1.0}),
                    Command.create({"account_id": self.income_account.id, "credit": 1.0}),
                ],
            }
        )
        forgeries = (
            {"state": "approved"},
            {"approver_id": self.sales_manager.id},
            {"move_id": entry.id},
        )
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(AccessError):
                request.write(values)
        request.action_submit()
        for values in (*forgeries, {"amount": 1200.0}):
            with self.subTest(values=values), self.assertRaises(UserError):
                request.write(values)
        self.assertEqual(request.state, "to_approve")

    def test_amount_above_the_amount_due_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "more than the amount due"):
            self._request(amount=1200.01)
        request = self._request(amount=1200.0)
        request.action_submit()
        # A payment while it is reviewed: the write-off would exceed what is due.
        self._pay(self.invoice_2, 100.0, date(2026, 2, 1))
        tier_decide(request, self.sales_manager)
        with self.assertRaisesRegex(ValidationError, "more than the amount due"):
            tier_decide(request, self.finance_manager)

    def test_evidence_is_required(self):
        request = self._request(evidence=False)
        with self.assertRaisesRegex(UserError, "evidence"):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_expense_account_is_required(self):
        self.company.bad_debt_account_id = False
        request = self._request()
        with self.assertRaisesRegex(UserError, "bad-debt expense account"):
            request.action_submit()

    def test_only_the_customers_open_invoices(self):
        other = self._invoice(self.other_customer, 300.0, date(2026, 1, 5))
        with self.assertRaises(ValidationError):
            self._request(amount=100.0, invoices=self.invoice_1 | other)

    def test_who_sees_and_requests(self):
        request = self._request()
        Request = self.env["sales.bad.debt.request"]
        # Another salesperson neither reads it nor asks for a customer not his.
        self.assertFalse(Request.with_user(self.other_salesman).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.other_salesman).read(["reason"])
        with self.assertRaises(AccessError):
            self._request(user=self.other_salesman)
        for user in (self.salesman, self.sales_manager, self.finance, self.finance_manager):
            with self.subTest(user=user.login):
                self.assertIn(request, Request.with_user(user).search([]))
        # Finance reads, does not edit.
        with self.assertRaises(AccessError):
            request.with_user(self.finance).write({"reason": "改"})
