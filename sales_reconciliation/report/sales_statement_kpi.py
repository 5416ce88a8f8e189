from odoo import fields, models
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
