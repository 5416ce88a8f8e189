from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    statement_reminder_days = fields.Integer(
        related="company_id.statement_reminder_days", readonly=False
    )
    discrepancy_escalation_days = fields.Integer(
        related="company_id.discrepancy_escalation_days", readonly=False
    )
    statement_reply_days_monthly = fields.Integer(
        related="company_id.statement_reply_days_monthly", readonly=False
    )
    statement_reply_days_cash = fields.Integer(
        related="company_id.statement_reply_days_cash", readonly=False
    )
    credit_grace_days = fields.Integer(related="company_id.credit_grace_days", readonly=False)
    bad_debt_account_id = fields.Many2one(related="company_id.bad_debt_account_id", readonly=False)
