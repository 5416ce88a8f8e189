from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    statement_reminder_days = fields.Integer(
        "Statement Reminder (days)",
        default=7,
        help="Remind the customer when a sent statement is not answered after this many days.",
    )
    discrepancy_escalation_days = fields.Integer(
        "Discrepancy Escalation (days)",
        default=14,
        help="Escalate a discrepancy to the team leader when open longer than this.",
    )
    credit_grace_days = fields.Integer(
        "Overdue Grace (days)",
        default=30,
        help="Orders are blocked when an invoice is overdue by more than this many days.",
    )
