from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quotation_discount_limit = fields.Float(
        "Discount Limit (%)",
        digits="Discount",
        default=10.0,
        help="Highest line discount a salesperson in no sales team grants without approval.",
    )
    quotation_amount_limit = fields.Monetary(
        help="Quotations of salespeople in no sales team above this total need approval; "
        "0 for no limit.",
    )
    contract_expiry_reminder_days = fields.Integer(
        "Contract Expiry Reminder (days)",
        default=30,
        help="An activity reminds the salesperson this many days before a contract ends.",
    )
    sales_ledger_reviewer_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        help="The department head who reviews the monthly sales ledger through the approvals "
        "(a sales manager when empty), reminded at the end of each month (每月月底完成归档).",
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
