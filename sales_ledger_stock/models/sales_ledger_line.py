from odoo import fields, models


class SalesLedgerLine(models.Model):
    _inherit = "sales.ledger.line"

    lot_names = fields.Char(
        "Lot/Serial Numbers",
        readonly=True,
        help="批次: the lots and serial numbers delivered for the invoiced order line.",
    )
    picking_names = fields.Char(
        "Delivery Notes",
        readonly=True,
        help="The done delivery orders (送货单) of the invoiced order line.",
    )
