import base64

from odoo import Command
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
            self.customer.sudo().settlement_method = "monthly"

    def test_manager_cannot_write_monthly_directly(self):
        # Granted by an approved request only (test_settlement_request).
        agreement = self._agreement()
        with self.assertRaises(AccessError):
            self.customer.with_user(self.sales_manager).write(
                {
                    "settlement_method": "monthly",
                    "settlement_agreement_ids": [Command.set(agreement.ids)],
                }
            )
        self.assertEqual(self.customer.settlement_method, "cash")
