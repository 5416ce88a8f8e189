from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    quotation_approval = fields.Boolean(
        help="Quotations of this team whose discount exceeds the limit need a sales "
        "manager's approval before they are sent or confirmed.",
    )
    quotation_discount_limit = fields.Float(
        "Discount Limit (%)",
        digits="Discount",
        default=10.0,
        help="Highest line discount a salesperson may grant without approval.",
    )

    _sql_constraints = (
        (
            "quotation_discount_limit_range",
            "CHECK(quotation_discount_limit >= 0 AND quotation_discount_limit <= 100)",
            "The discount limit must lie between 0 and 100%.",
        ),
    )
