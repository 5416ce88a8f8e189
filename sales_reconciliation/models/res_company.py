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
    statement_reply_days_monthly = fields.Integer(
        "Reply Deadline, Monthly Settlement (working days)",
        default=5,
        help="Customers on monthly settlement confirm their statement within this many "
        "working days after the end of the period (regulation 002).",
    )
    statement_reply_days_cash = fields.Integer(
        "Reply Deadline, Other Customers (working days)",
        default=10,
        help="Other customers confirm their statement within this many working days after "
        "the end of the period.",
    )
    credit_grace_days = fields.Integer(
        "Overdue Grace (days)",
        default=30,
        help="Orders are blocked when an invoice is overdue by more than this many days.",
    )
    bad_debt_account_id = fields.Many2one(
        "account.account",
        "Bad-Debt Expense Account",
        check_company=True,
        domain="[('account_type', '=', 'expense')]",
        help="Debited by the write-off entry of an approved bad-debt request (坏账).",
    )

    def _sales_managers_to_mail(self):
        """The sales managers of the company with an e-mail address: who receives the
        monthly unpaid summary and the monthly ranking."""
        self.ensure_one()
        managers = self.env.ref("sales_team.group_sale_manager").users
        return managers.filtered(
            lambda user: not user.share and self in user.company_ids and user.email
        )

    def _statement_reply_days(self, partner):
        """Working days the customer ``partner`` has to confirm a statement."""
        self.ensure_one()
        if partner.settlement_method == "monthly":
            return self.statement_reply_days_monthly
        return self.statement_reply_days_cash

    def _working_days_changed(self):
        res = super()._working_days_changed()
        self.env["sales.statement"]._recompute_reply_deadlines(self)
        return res
