from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contract_expiry_reminder_days = fields.Integer(
        related="company_id.contract_expiry_reminder_days", readonly=False
    )
    quotation_discount_limit = fields.Float(
        related="company_id.quotation_discount_limit", readonly=False
    )
    quotation_amount_limit = fields.Monetary(
        related="company_id.quotation_amount_limit", readonly=False
    )
