from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    contract_two_step_approval = fields.Boolean(
        "Contract Administrator Approval",
        help="After the sales supervisor, contracts are also approved by a contract "
        "administrator (legal review).",
    )
    contract_expiry_reminder_days = fields.Integer(
        "Contract Expiry Reminder (days)",
        default=30,
        help="An activity reminds the salesperson this many days before a contract ends.",
    )
