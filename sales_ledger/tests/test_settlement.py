import base64

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestSettlement(SalesLedgerCommon):
    def _agreement(self):
        return self.env["ir.attachment"].create(
            {"name": "月结协议.pdf", "datas": base64.b64encode(b"%PDF-1.4 agreement")}
        )

    def test_default_cash(self):
        self.assertEqual(self.customer.settlement_method, "cash")

    def test_salesman_cannot_grant_monthly(self):
        agreement = self._agreement()
        with self.assertRaises(AccessError):
            self.customer.with_user(self.salesman).write(
                {
                    "settlement_method": "monthly",
                    "settlement_agreement_ids": [Command.set(agreement.ids)],
                }
            )
        self.assertEqual(self.customer.settlement_method, "cash")

    def test_monthly_needs_agreement(self):
        with self.assertRaises(ValidationError):
            self.customer.with_user(self.sales_manager).settlement_method = "monthly"

    def test_manager_grants_monthly_with_agreement(self):
        agreement = self._agreement()
        self.customer.with_user(self.sales_manager).write(
            {
                "settlement_method": "monthly",
                "settlement_agreement_ids": [Command.set(agreement.ids)],
            }
        )
        self.assertEqual(self.customer.settlement_method, "monthly")
        self.assertEqual(self.customer.settlement_approved_by_id, self.sales_manager)
        self.assertEqual(self.customer.settlement_approved_date, fields.Date.today())
        contract = self._create_contract()
        self.assertEqual(contract.settlement_method, "monthly")
