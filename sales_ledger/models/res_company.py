from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    contract_two_step_approval = fields.Boolean(
        "Contract Administrator Approval",
        help="After the sales supervisor, contracts are also approved by a contract "
        "administrator (legal review).",
    )
    quotation_approval = fields.Boolean(
        help="Quotations of salespeople in no sales team whose discount exceeds the limit "
        "need a sales manager's approval before they are sent or confirmed.",
    )
    quotation_discount_limit = fields.Float(
        "Discount Limit (%)",
        digits="Discount",
        default=10.0,
        help="Highest line discount a salesperson in no sales team may grant without approval.",
    )
    contract_expiry_reminder_days = fields.Integer(
        "Contract Expiry Reminder (days)",
        default=30,
        help="An activity reminds the salesperson this many days before a contract ends.",
    )

    _sql_constraints = (
        (
            "quotation_discount_limit_range",
            "CHECK(quotation_discount_limit >= 0 AND quotation_discount_limit <= 100)",
            "The discount limit must lie between 0 and 100%.",
        ),
    )
