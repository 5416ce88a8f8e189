from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SIGNATURE, FebruaryStatementCommon, StatementCommon


@tagged("post_install", "-at_install")
class TestStatementGuard(FebruaryStatementCommon):
    """A statement's figures, lines and answer are the books' and the customer's."""

    def test_salesperson_cannot_forge_the_customers_confirmation(self):
        statement = self.statement.with_user(self.salesman)
        statement.action_send()
        self.assertEqual(statement.state, "sent")
        forgeries = (
            {"state": "confirmed"},
            {"confirmed_by": "财务部 张会计", "confirmed_on": fields.Datetime.now()},
            {"closing_balance": 0.0},
            {"amount_sales": 1.0},
            {"date_to": "2026-02-27"},
            {"partner_id": self.other_customer.id},
        )
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(UserError):
                statement.write(values)
        with self.assertRaises(UserError):
            self.env["sales.statement"].with_user(self.salesman).create(
                {
                    "partner_id": self.other_customer.id,
                    "date_from": "2026-02-01",
                    "date_to": "2026-02-28",
                    "state": "confirmed",
                    "confirmed_by": "客户",
                    "closing_balance": 123.0,
                }
            )
        self.assertEqual(statement.state, "sent")
        # The customer's confirmation (portal) is the legitimate path.
        self.statement.sudo()._action_customer_confirm("财务部 张会计", SIGNATURE)
        self.assertEqual(statement.state, "confirmed")
        self.assertEqual(statement.confirmed_by, "财务部 张会计")
        # A confirmed statement stays as confirmed.
        for values in (
            {"closing_balance": 1.0},
            {"user_id": self.other_salesman.id},
            {"confirmed_by": "别人"},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                statement.write(values)
        statement.with_user(self.finance).action_handover()
        self.assertEqual(statement.state, "done")
        with self.assertRaises(UserError):
            statement.with_user(self.finance).write({"handover_user_id": self.salesman.id})

    def test_finance_cannot_edit_statement_lines(self):
        line = self.statement.line_ids[:1].with_user(self.finance)
        self.assertTrue(line)
        with self.assertRaises(UserError):
            line.write({"debit": 1.0})
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            self.env["sales.statement.line"].with_user(self.finance).create(
                {"statement_id": self.statement.id, "date": "2026-02-15", "debit": 99.0}
            )
        with self.assertRaises(UserError):
            self.statement.with_user(self.finance).write(
                {"line_ids": [Command.create({"date": "2026-02-15", "debit": 99.0})]}
            )
        # Refreshing the draft from the books is the legitimate path.
        count = len(self.statement.line_ids)
        self.statement.with_user(self.finance).action_refresh()
        self.assertEqual(len(self.statement.line_ids), count)

    def test_dispute_and_resolution_through_the_workflow(self):
        statement = self.statement.with_user(self.salesman)
        statement.action_send()
        line = statement.line_ids.filtered(lambda line: line.debit)[:1]
        statement.sudo()._action_customer_dispute(
            [{"statement_line_id": line.id, "their_amount": line.debit - 10.0, "reason": "单价"}]
        )
        discrepancy = statement.discrepancy_ids.with_user(self.salesman)
        with self.assertRaises(UserError):
            discrepancy.write({"their_amount": line.debit})
        with self.assertRaises(UserError):
            discrepancy.write({"state": "resolved"})
        with self.assertRaises(UserError):
            statement.write({"state": "resolved"})
        discrepancy.write(
            {"reason_category": "price", "responsible_side": "customer", "resolution": "已核实"}
        )
        discrepancy.action_resolve()
        statement.action_resolve()
        self.assertEqual(statement.state, "resolved")


@tagged("post_install", "-at_install")
class TestCreditPolicyGuard(StatementCommon):
    def test_context_cannot_switch_the_credit_policy_off(self):
        self.customer.credit_limit = 500.0
        order = self._salesman_order()
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            order.with_context(skip_credit_policy=True).action_confirm()
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            order.with_context(skip_credit_policy=True, install_mode=True).action_confirm()
        self.assertEqual(order.state, "draft")
        # Nor can a salesperson link an override himself.
        override = self._approved_credit_override(self.other_customer)
        with self.assertRaises(UserError):
            order.write({"credit_override_id": override.id})
        # The legitimate path: an approved override for this customer.
        self._approved_credit_override(self.customer, reason="大客户，年底前回款")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.credit_override_id.partner_id, self.customer)
