from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    quotation_discount_limit = fields.Float(
        "Discount Limit (%)",
        digits="Discount",
        default=10.0,
        help="Highest line discount the team's salespeople grant without approval.",
    )
    quotation_amount_limit = fields.Monetary(
        help="Quotations of the team's salespeople above this total (in the company's "
        "currency) need approval; 0 for no limit.",
    )

    _sql_constraints = (
        (
            "quotation_discount_limit_range",
            "CHECK(quotation_discount_limit >= 0 AND quotation_discount_limit <= 100)",
            "The discount limit must lie between 0 and 100%.",
        ),
        (
            "quotation_amount_limit_positive",
            "CHECK(quotation_amount_limit >= 0)",
            "The quotation amount limit cannot be negative.",
        ),
    )
