from odoo import fields, models

from .res_company import PROTECTABLE_DOMAIN


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    archive_review_after_days = fields.Integer(
        "Review dossiers untouched for (days)",
        config_parameter="customer_archive.review_after_days",
        default=90,
    )
    customer_protected_field_ids = fields.Many2many(
        related="company_id.customer_protected_field_ids",
        readonly=False,
        domain=PROTECTABLE_DOMAIN,
    )
