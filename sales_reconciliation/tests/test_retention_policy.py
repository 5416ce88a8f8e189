from datetime import date

from odoo.tests import tagged

from odoo.addons.customer_archive.tests.common_retention import ShippedPolicyMixin

from .common import SIGNATURE, StatementCommon


@tagged("post_install", "-at_install")
class TestStatementRetentionPolicy(ShippedPolicyMixin, StatementCommon):
    """Statements handed to finance are kept 5 years, as the sales ledger; those of a
    customer with an open balance are kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_retention_users("sr_ret")

    def _handed_over(self, partners):
        statements = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", partners
        )
        for statement in statements:
            statement.action_send()
            statement._action_customer_confirm("王会计", SIGNATURE)
            statement.with_user(self.finance).action_handover()
        self.assertEqual(set(statements.mapped("state")), {"done"})
        return statements

    def test_statements_destroyed_5_years_later_open_balance_kept(self):
        paid = self._invoice(self.customer, 500.0, date(2026, 2, 3))
        self._pay(paid, 500.0, date(2026, 2, 10))
        self._invoice(self.other_customer, 300.0, date(2026, 2, 5))
        statements = self._handed_over(self.customer | self.other_customer)
        settled = statements.filtered(lambda s: s.partner_id == self.customer)
        owing = statements - settled
        policy = self._shipped_policy("sales_reconciliation.archive_retention_policy_statement")
        # the statement is deleted while its own guard refuses it to anyone
        with self.assertRaisesRegex(Exception, "draft"):
            settled.sudo().unlink()
        self.assertFalse(policy._run_sweep(date(2031, 2, 27)))
        request = self._destroy(
            policy,
            date(2031, 3, 3),
            due=settled,
            kept=owing,
            reason="Open balance of the customer",
        )
        self.assertTrue(request.finance_review)
