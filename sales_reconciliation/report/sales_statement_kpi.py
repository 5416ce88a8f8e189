from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL

from ..models.sales_statement import PERIOD_TYPES


class SalesStatementKpi(models.Model):
    """One row per customer due a statement in a period: customers confirmed within
    the reply deadline / due (completion, regulation 002: 在规定时间内) and confirmed
    without discrepancy / confirmed (accuracy), as averages of 0/100 indicators so
    that pivot and graph aggregate them into rates per period, salesperson and team."""

    _name = "sales.statement.kpi"
    _description = "Reconciliation KPIs"
    _auto = False
    _order = "date_to desc"

    statement_id = fields.Many2one("sales.statement", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, readonly=True)
    date_to = fields.Date("Period End", readonly=True)
    reply_deadline = fields.Date(readonly=True)
    state = fields.Selection(
        lambda self: self.env["sales.statement"]._fields["state"].selection, readonly=True
    )
    customers_due = fields.Integer(readonly=True, aggregator="sum")
    customers_confirmed = fields.Integer("Customers Reconciled", readonly=True, aggregator="sum")
    customers_on_time = fields.Integer(
        "Reconciled Within the Deadline", readonly=True, aggregator="sum"
    )
    customers_accurate = fields.Integer(
        "Reconciled Without Discrepancy", readonly=True, aggregator="sum"
    )
    completion_rate = fields.Float("Completion Rate (%)", readonly=True, aggregator="avg")
    accuracy_rate = fields.Float("Accuracy Rate (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT s.id, s.id AS statement_id, s.partner_id, s.user_id, s.team_id, s.company_id,
                   s.period_type, s.date_to, s.reply_deadline, s.state,
                   1 AS customers_due,
                   CASE WHEN s.state IN ('confirmed', 'done') THEN 1 ELSE 0 END
                       AS customers_confirmed,
                   CASE WHEN on_time.value THEN 1 ELSE 0 END AS customers_on_time,
                   CASE WHEN s.state IN ('confirmed', 'done')
                             AND NOT COALESCE(s.had_discrepancy, FALSE)
                        THEN 1 ELSE 0 END AS customers_accurate,
                   CASE WHEN on_time.value THEN 100.0 ELSE 0.0 END AS completion_rate,
                   CASE WHEN s.state NOT IN ('confirmed', 'done') THEN NULL
                        WHEN COALESCE(s.had_discrepancy, FALSE) THEN 0.0 ELSE 100.0 END
                       AS accuracy_rate
              FROM sales_statement s
        CROSS JOIN LATERAL (
                   SELECT COALESCE(
                              s.state IN ('confirmed', 'done')
                              AND COALESCE(s.reply_date, s.confirmed_on::date)
                                  <= s.reply_deadline,
                              FALSE) AS value) on_time
            """
        )

    # ------------------------------------------------------------------
    # Monthly ranking (月度排名通报, regulation 002: 考核周期)
    # ------------------------------------------------------------------
    @api.model
    def _ranking(self, company, date_from, date_to):
        """The salespeople ranked on the customers due in a period (reply deadline in
        it): completion rate (confirmed within the deadline / due), then accuracy rate
        (confirmed without discrepancy / confirmed). One grouped query.

        :return: [{"rank", "name", "due", "on_time", "confirmed", "accurate",
                  "completion", "accuracy" and both as text}], best first
        """
        groups = self._read_group(
            [
                ("company_id", "=", company.id),
                ("reply_deadline", ">=", date_from),
                ("reply_deadline", "<=", date_to),
            ],
            ["user_id"],
            [
                "customers_due:sum",
                "customers_on_time:sum",
                "customers_confirmed:sum",
                "customers_accurate:sum",
            ],
        )
        rows = [
            {
                "name": user.name or self.env._("No salesperson"),
                "due": due,
                "on_time": on_time,
                "confirmed": confirmed,
                "accurate": accurate,
                "completion": 100.0 * on_time / due if due else 0.0,
                "accuracy": 100.0 * accurate / confirmed if confirmed else 0.0,
            }
            for user, due, on_time, confirmed, accurate in groups
        ]
        rows.sort(key=lambda row: (-row["completion"], -row["accuracy"], row["name"]))
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
            row["completion_text"] = f"{row['completion']:.1f}%"
            row["accuracy_text"] = f"{row['accuracy']:.1f}%"
        return rows

    @api.model
    def _cron_send_ranking(self):
        """First days of the month: the ranking of the month just ended, e-mailed to the
        sales managers of each company."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        for company in self.env["res.company"].search([]):
            managers = company._sales_managers_to_mail()
            if managers:
                self._send_ranking(company, date_from, date_to, managers)

    @api.model
    def _send_ranking(self, company, date_from, date_to, recipients):
        """E-mail the ranking of a period to ``recipients`` (users); nothing when no
        customer was due."""
        rows = self.sudo()._ranking(company, date_from, date_to)
        if not rows:
            return self.env["mail.mail"]
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement_ranking")
        mail_id = template.with_context(
            period_label=f"{date_from.year:04d}-{date_from.month:02d}", ranking=rows
        ).send_mail(
            company.id,
            email_values={"recipient_ids": [Command.set(recipients.partner_id.ids)]},
        )
        return self.env["mail.mail"].sudo().browse(mail_id)
