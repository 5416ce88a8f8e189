from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

from .sales_statement_reply import SalesStatementReply

# Statements whose customer has not confirmed yet: the deadline runs.
UNANSWERED_STATES = ("draft", "sent", "disputed", "resolved")


class SalesStatementDeadline(models.Model):
    """The reply deadline of regulation 002 (月度结束后 X 个工作日内完成对账): end of the
    period + N working days of the company's working schedule (public holidays and
    make-up workdays included), N per settlement method (Settings). Until then the
    salesperson has a reminder; once passed, the sales manager gets an escalation."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited
    _workflow_fields = (
        *SalesStatementReply._workflow_fields,
        "reply_deadline",
        "deadline_reminded",
        "deadline_escalated",
    )

    reply_deadline = fields.Date(
        compute="_compute_reply_deadline",
        store=True,
        index=True,
        copy=False,
        help="The customer's confirmation is due by this day: end of the period plus the "
        "working days set per settlement method (Settings).",
    )
    deadline_reminded = fields.Boolean(readonly=True, copy=False)
    deadline_escalated = fields.Boolean(readonly=True, copy=False)
    replied_on_time = fields.Boolean(
        compute="_compute_replied_on_time",
        help="Confirmed by the customer within the reply deadline.",
    )

    @api.depends("date_to", "company_id", "partner_id")
    def _compute_reply_deadline(self):
        periods = defaultdict(lambda: self.browse())
        for statement in self:
            statement.reply_deadline = False
            if statement.date_to and statement.company_id and statement.partner_id:
                periods[statement.company_id, statement.date_to] |= statement
        for (company, date_to), statements in periods.items():
            deadlines = self._reply_deadlines(company, date_to, statements.partner_id)
            for statement in statements:
                statement.reply_deadline = deadlines[statement.partner_id.id]

    @api.model
    def _reply_deadlines(self, company, date_to, partners):
        """``{partner id: reply deadline}`` of the statements of a period ending on
        ``date_to``: one count per number of days (settlement method), whatever the
        number of customers."""
        by_days = {}
        result = {}
        for partner in partners:
            days = company._statement_reply_days(partner.commercial_partner_id)
            if days not in by_days:
                by_days[days] = self._add_working_days(company.resource_calendar_id, date_to, days)
            result[partner.id] = by_days[days]
        return result

    @api.model
    def _add_working_days(self, calendar, day, days):
        deadline = calendar._add_working_days(day, days) if calendar else False
        if deadline:
            return deadline
        # without a working schedule: Monday to Friday
        while days > 0:
            day += timedelta(days=1)
            days -= day.weekday() < 5
        return day

    @api.depends("state", "reply_date", "confirmed_on", "reply_deadline")
    def _compute_replied_on_time(self):
        for statement in self:
            replied = statement.reply_date or (
                statement.confirmed_on and statement.confirmed_on.date()
            )
            statement.replied_on_time = bool(
                statement.state in ("confirmed", "done")
                and replied
                and statement.reply_deadline
                and replied <= statement.reply_deadline
            )

    @api.model
    def _recompute_reply_deadlines(self, companies):
        """Working days changed: recount the deadlines of unanswered statements."""
        statements = self.sudo().search(
            [("company_id", "in", companies.ids), ("state", "in", UNANSWERED_STATES)]
        )
        self.env.add_to_compute(self._fields["reply_deadline"], statements)

    def _action_customer_confirm(self, name, signature, author=None, **kwargs):
        res = super()._action_customer_confirm(name, signature, author=author, **kwargs)
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_deadline"],
            feedback=self.env._("Confirmed by the customer."),
        )
        return res

    # ------------------------------------------------------------------
    # Reminders and escalation (daily)
    # ------------------------------------------------------------------
    def _sales_manager(self):
        """Who answers for the salesperson: the leader of the statement's sales team,
        else a sales manager of the company."""
        self.ensure_one()
        leader = self.team_id.user_id
        if leader:
            return leader
        group = self.env.ref("sales_team.group_sale_manager")
        managers = group.users.filtered(
            lambda u: self.company_id in u.company_ids and not u.share and u.active
        )
        return managers.sorted("id")[:1]

    @api.model
    def _cron_reply_deadline(self):
        """Once per statement: a reminder for the salesperson while the deadline
        runs, an escalation to the sales manager once it has passed."""
        today = fields.Date.context_today(self)
        statements = self.search(
            [
                ("state", "in", UNANSWERED_STATES),
                ("reply_deadline", "!=", False),
                "|",
                ("deadline_reminded", "=", False),
                ("deadline_escalated", "=", False),
            ]
        )
        to_remind = statements.filtered(
            lambda s: not s.deadline_reminded and s.reply_deadline >= today
        )
        for statement in to_remind:
            statement.activity_schedule(
                "sales_reconciliation.mail_activity_type_statement_deadline",
                date_deadline=statement.reply_deadline,
                user_id=statement.user_id.id or statement.create_uid.id,
                summary=self.env._(
                    "Get the customer's confirmation by %(deadline)s",
                    deadline=statement.reply_deadline,
                ),
            )
        if to_remind:
            with to_remind._workflow_pass():
                to_remind.write({"deadline_reminded": True})
        to_escalate = statements.filtered(
            lambda s: not s.deadline_escalated and s.reply_deadline < today
        )
        for statement in to_escalate:
            manager = statement._sales_manager()
            summary = self.env._(
                "Statement not confirmed by its deadline %(deadline)s: %(customer)s",
                deadline=statement.reply_deadline,
                customer=statement.partner_id.display_name,
            )
            statement.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id or statement.user_id.id or self.env.uid,
                summary=summary,
            )
            statement.message_post(body=summary, partner_ids=manager.partner_id.ids)
        if to_escalate:
            with to_escalate._workflow_pass():
                to_escalate.write({"deadline_escalated": True, "deadline_reminded": True})
