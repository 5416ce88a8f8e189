from odoo import fields, models

from .res_company import PROTECTABLE_DOMAIN


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    archive_review_after_days = fields.Integer(
        "Review dossiers untouched for (days)",
        config_parameter="customer_archive.review_after_days",
        default=90,
    )

    # Visit discipline (客户拜访制度) and the daily report (销售日报)
    visit_weekly_target = fields.Integer(related="company_id.visit_weekly_target", readonly=False)
    daily_report_auto = fields.Boolean(related="company_id.daily_report_auto", readonly=False)
    daily_report_hour = fields.Float(related="company_id.daily_report_hour", readonly=False)
    customer_protected_field_ids = fields.Many2many(
        related="company_id.customer_protected_field_ids",
        readonly=False,
        domain=PROTECTABLE_DOMAIN,
    )
