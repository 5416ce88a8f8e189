from datetime import date

from odoo.tests import HttpCase, tagged

from .common import SIGNATURE, StatementCommon


@tagged("post_install", "-at_install")
class TestStatementTour(StatementCommon, HttpCase):
    def test_dispute_resolve_resend_confirm(self):
        invoice = self._invoice(self.customer, 2000.0, date(2026, 2, 5), due=date(2026, 3, 7))
        statement = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.customer
        )
        statement.with_user(self.salesman).action_send()
        # the customer opens the link of the e-mail and disputes the invoice line
        link = statement.get_portal_url()
        self.assertIn(link, self._sent_body(statement))
        self.start_tour(link, "sales_statement_portal_dispute_tour")
        self.assertEqual(statement.state, "disputed")
        self.assertRecordValues(
            statement.discrepancy_ids,
            [
                {
                    "document": invoice.name,
                    "their_amount": 1800.0,
                    "customer_reason": "单价应为900元",
                }
            ],
        )
        # accounting issues the credit note; the salesperson records the resolution,
        # marks the statement resolved and sends the corrected revision from the back end
        self._invoice(self.customer, 200.0, date(2026, 2, 27), move_type="out_refund")
        self.start_tour(
            f"/odoo/action-sales_reconciliation.sales_statement_action/{statement.id}",
            "sales_statement_resolve_tour",
            login=self.salesman.login,
        )
        self.assertRecordValues(
            statement.discrepancy_ids,
            [
                {
                    "state": "resolved",
                    "reason_category": "price",
                    "responsible_side": "company",
                    "resolution": "按合同单价900元开具红字发票200元",
                    "resolved_by": self.salesman.id,
                }
            ],
        )
        self.assertRecordValues(
            statement, [{"state": "sent", "revision": 1, "closing_balance": 1800.0}]
        )
        # the re-sent revision is confirmed with a signature
        self.start_tour(statement.get_portal_url(), "sales_statement_portal_confirm_tour")
        self.assertEqual(statement.state, "confirmed")
        self.assertTrue(statement.signature)
        self.assertEqual(statement.confirmed_by, "王会计")  # the signer, not the company

    def _sent_body(self, statement):
        return "".join(statement.message_ids.mapped("body"))

    def test_finance_finds_statements_from_the_home_menu(self):
        self._invoice(self.customer, 2000.0, date(2026, 2, 5), due=date(2026, 3, 7))
        statement = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.customer
        )
        statement.with_user(self.salesman).action_send()
        statement._action_customer_confirm("王会计", SIGNATURE)
        self.start_tour("/odoo", "sales_finance_menu_tour", login="sr_finance")
        self.assertRecordValues(statement, [{"state": "done", "handover_user_id": self.finance.id}])
