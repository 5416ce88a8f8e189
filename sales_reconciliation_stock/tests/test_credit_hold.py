from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.sales_reconciliation.tests.common import StatementCommon


@tagged("post_install", "-at_install")
class TestCreditHold(StatementCommon):
    """限制发货: the delivery of a customer blocked by the credit policy is validated only
    under an approved credit override."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.storekeeper = new_test_user(
            cls.env,
            "sr_storekeeper",
            groups="stock.group_stock_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _delivery(self, amount=1000.0):
        order = self._salesman_order(amount)
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.picking_type_code, "outgoing")
        picking.move_ids.quantity = 1
        return picking.with_user(self.storekeeper)

    def test_blocked_customer_delivery_is_held_until_an_override(self):
        picking = self._delivery()
        # Graded C after the order was confirmed: the goods do not leave.
        self.customer.credit_grade = "C"
        with self.assertRaisesRegex(UserError, "held by the credit policy"):
            picking.button_validate()
        # No context key lets it through.
        with self.assertRaisesRegex(UserError, "held by the credit policy"):
            picking.with_context(skip_credit_policy=True, install_mode=True).button_validate()
        self.assertNotEqual(picking.state, "done")
        override = self._approved_credit_override(self.customer)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertTrue(
            any("credit override" in str(body) for body in picking.message_ids.mapped("body"))
        )
        self.assertTrue(
            any(picking.name in str(body) for body in override.message_ids.mapped("body"))
        )

    def test_credit_limit_and_overdue_hold_the_delivery(self):
        picking = self._delivery()
        self.customer.credit_limit = 500.0
        with self.assertRaisesRegex(UserError, "Credit limit exceeded"):
            picking.button_validate()
        self.customer.credit_limit = 0.0
        self._invoice(self.customer, 100.0, "2025-01-10")
        with self.assertRaisesRegex(UserError, "overdue"):
            picking.button_validate()

    def test_invoiced_part_of_the_order_is_counted_once(self):
        """Invoiced before delivery, the order is in the open receivables: at delivery it adds
        only what it has not invoiced yet."""
        picking = self._delivery(1000.0)
        picking.sale_id.sudo()._create_invoices().action_post()
        self.customer.credit_limit = 1500.0
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_unblocked_customer_delivers(self):
        self.customer.credit_grade = "B"
        picking = self._delivery()
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_delivery_without_order_is_held_too(self):
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)])
        picking_type = warehouse.out_type_id
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product_a.name,
                            "product_id": self.product_a.id,
                            "product_uom_qty": 1,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 1
        self._invoice(self.customer, 100.0, "2025-01-10")
        with self.assertRaisesRegex(UserError, "overdue"):
            picking.with_user(self.storekeeper).button_validate()
        self._approved_credit_override(self.customer)
        picking.with_user(self.storekeeper).button_validate()
        self.assertEqual(picking.state, "done")

    def test_stopped_customer_delivery_is_held(self):
        picking = self._delivery()
        self.customer.sudo().archive_state = "blocked"
        with self.assertRaisesRegex(UserError, "trade release"):
            picking.button_validate()
