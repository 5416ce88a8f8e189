"""Cross-module scenario: one customer from application to statement and complaint."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.customer_archive.tests.common import tier_decide
from odoo.addons.sales_ledger.tests.common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestCustomerLifecycle(SalesLedgerCommon):
    def test_application_to_statement_and_complaint(self):
        # customer_archive: a salesperson registers the customer, it waits for approval.
        customer = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(res_partner_search_mode="customer")
            .create({"name": "南京新月商贸有限公司", "is_company": True, "credit_grade": "A"})
        )
        self.assertEqual(customer.archive_state, "draft")
        order = self._create_order(partner=customer, qty=2.0, price=1000.0)
        with self.assertRaises(UserError):
            order.action_confirm()
        customer.with_user(self.salesman).action_submit_customer()
        tier_decide(customer, self.sales_manager)
        self.assertTrue(customer.customer_code and customer.archive_id)

        # sales_ledger: the order runs under an approved contract and is invoiced.
        contract = self._approved_contract(partner=customer, amount=2000.0)
        contract.action_activate()
        order.contract_id = contract
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = date(2025, 3, 10)
        invoice.action_post()
        self.assertEqual(contract.performance_status, "partial")  # invoiced, not delivered
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 400.0, "payment_date": date(2025, 3, 20)})._create_payments()

        march = self.env["sales.ledger.period"].create({"date_from": "2025-03-01"})
        march.action_generate_lines()
        line = march.line_ids.filtered(lambda ledger_line: ledger_line.move_id == invoice)
        self.assertEqual(line.contract_id, contract)
        self.assertEqual(line.sale_order_id, order)
        self.assertEqual(line.amount_total, invoice.amount_total)

        # sales_reconciliation: the March statement agrees with the books.
        statement = self.env["sales.statement"].generate_statements(
            date(2025, 3, 1), date(2025, 3, 31), partners=customer
        )
        self.assertEqual(statement.opening_balance, 0.0)
        self.assertAlmostEqual(statement.amount_sales, invoice.amount_total)
        self.assertAlmostEqual(statement.amount_receipts, 400.0)
        self.assertAlmostEqual(statement.closing_balance, invoice.amount_total - 400.0)
        self.assertAlmostEqual(statement.closing_balance, invoice.amount_residual)

        # complaint_tracking (+ bridge): the complaint names the order's contract.
        complaint = self.env["customer.complaint"].create(
            {
                "partner_id": customer.id,
                "category_id": self.env["customer.complaint.category"]
                .sudo()
                .create({"name": "交付"})
                .id,
                "description": "到货延迟三天",
                "sale_order_id": order.id,
                "contract_id": contract.id,
            }
        )
        self.assertEqual(complaint.user_id, customer.user_id)
        self.assertEqual(contract.complaint_count, 1)
