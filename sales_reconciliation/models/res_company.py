from odoo import api, fields, models

# the collection levels shipped for the main company, which every other company starts with
DEFAULT_COLLECTION_LEVELS = (
    "sales_reconciliation.collection_level_before_due",
    "sales_reconciliation.collection_level_overdue_1",
    "sales_reconciliation.collection_level_overdue_30",
    "sales_reconciliation.collection_level_overdue_60",
    "sales_reconciliation.collection_level_overdue_90",
)


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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._create_default_collection_levels()
        return companies

    def _create_default_collection_levels(self):
        """Copy the shipped collection levels (warning 3 days before the due date, then 1,
        30, 60 and 90 days overdue) to the companies that have none, archived ones
        included: without levels the daily collections job raises nothing."""
        Level = self.env["sales.collection.level"].sudo().with_context(active_test=False)
        defaults = Level.browse()
        for xmlid in DEFAULT_COLLECTION_LEVELS:
            defaults |= self.env.ref(xmlid, raise_if_not_found=False) or Level
        if not defaults:
            return
        equipped = {company for [company] in Level._read_group([], ["company_id"])}
        for company in self.sudo():
            if company not in equipped:
                defaults.copy({"company_id": company.id})  # with their translations

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
