from odoo import models
from odoo.tools import SQL


class SalesLedgerPeriod(models.Model):
    _inherit = "sales.ledger.period"

    def _generate_extra_columns(self):
        """Lots/serial numbers and delivery notes of each line, in the INSERT of the month:
        the done stock moves of the order lines the invoice line invoices (a credit note's,
        the returns too); a line invoiced from no order has none, and is not looked up."""
        self.env["stock.move"].flush_model(["sale_line_id", "state", "picking_id"])
        self.env["stock.move.line"].flush_model(["move_id", "lot_id"])
        self.env["stock.picking"].flush_model(["name"])
        self.env["stock.lot"].flush_model(["name"])
        moves = SQL(
            """
              FROM sale_order_line_invoice_rel rel
              JOIN stock_move sm ON sm.sale_line_id = rel.order_line_id AND sm.state = 'done'
            """
        )
        return [
            *super()._generate_extra_columns(),
            (
                "lot_names",
                SQL(
                    """CASE WHEN so.id IS NOT NULL THEN
                       (SELECT STRING_AGG(DISTINCT lot.name, ', ' ORDER BY lot.name)
                          %s
                          JOIN stock_move_line sml ON sml.move_id = sm.id
                          JOIN stock_lot lot ON lot.id = sml.lot_id
                         WHERE rel.invoice_line_id = aml.id) END""",
                    moves,
                ),
            ),
            (
                "picking_names",
                SQL(
                    """CASE WHEN so.id IS NOT NULL THEN
                       (SELECT STRING_AGG(DISTINCT sp.name, ', ' ORDER BY sp.name)
                          %s
                          JOIN stock_picking sp ON sp.id = sm.picking_id
                         WHERE rel.invoice_line_id = aml.id) END""",
                    moves,
                ),
            ),
        ]
