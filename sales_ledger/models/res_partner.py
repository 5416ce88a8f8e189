from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    settlement_method = fields.Selection(
        [("cash", "Cash"), ("monthly", "Monthly")],
        default="cash",
        required=True,
        tracking=True,
        help="Cash (现结, including prepayment) or monthly settlement (月结) under an agreement.",
    )
