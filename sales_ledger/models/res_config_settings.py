from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contract_two_step_approval = fields.Boolean(
        related="company_id.contract_two_step_approval", readonly=False
    )
    contract_expiry_reminder_days = fields.Integer(
        related="company_id.contract_expiry_reminder_days", readonly=False
    )
    quotation_approval = fields.Boolean(related="company_id.quotation_approval", readonly=False)
    quotation_discount_limit = fields.Float(
        related="company_id.quotation_discount_limit", readonly=False
    )
