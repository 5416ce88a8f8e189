from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_survey_after_invoice = fields.Boolean(
        related="company_id.complaint_survey_after_invoice", readonly=False
    )
