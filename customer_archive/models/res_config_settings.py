from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    archive_review_after_days = fields.Integer(
        "Review dossiers untouched for (days)",
        config_parameter="customer_archive.review_after_days",
        default=90,
    )
