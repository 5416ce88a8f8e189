from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.sales_ledger.tools import PAYMENT_JOURNAL_TYPES


class SalesCollectionRate(models.Model):
    """Collection rate (回款率, regulation 004: 客户经理的绩效由业务量、回款率……构成;
    regulation 000: 财务部门负责跟踪销售合同的回款情况).

    One row per instalment of a posted customer invoice (its receivable line): the month it
    falls due, the invoice's salesperson and sales team, the amount due then (less the
    credit notes matched with it) and the part of it collected by the end of that month.
    Collection rate = collected / due, computed on the sums of each group (month,
    salesperson, team), never as an average of rates. Only payments count as collected
    (``PAYMENT_JOURNAL_TYPES``, as for the contracts): not the write-off of a bad debt.
    Record rules: a salesperson reads his own invoices' rows."""

    _name = "sales.collection.rate"
    _description = "Collection Rate"
    _auto = False
    _order = "date_due desc, id desc"
    _rec_name = "move_id"

    move_id = fields.Many2one("account.move", "Invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date_due = fields.Date("Due Date", readonly=True)
    amount_due = fields.Monetary(
        "Due in the Period",
        readonly=True,
        help="Invoiced amount falling due in the period, less the credit notes matched "
        "with it, in the company's currency.",
    )
    amount_collected = fields.Monetary(
        "Collected",
        readonly=True,
        help="Part of the amount due in the period that was paid by the end of the month it "
        "fell due (bad-debt write-offs do not count).",
    )
    amount_open = fields.Monetary(
        "Not Collected", readonly=True, help="Due in the period minus collected."
    )
    collection_rate = fields.Float(
        "Collection Rate (%)",
        readonly=True,
        aggregator="avg",
        help="回款率 = collected / due in the period: the amounts falling due in the month "
        "and paid by the end of that month, over the amounts falling due in the month "
        "(regulation 004, the monthly 回款量 of each salesperson). Grouped, it is the "
        "ratio of the sums.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT aml.id, aml.move_id, am.commercial_partner_id AS partner_id,
                   am.invoice_user_id AS user_id, am.team_id, aml.company_id,
                   company.currency_id, aml.date_maturity AS date_due,
                   figures.due AS amount_due, figures.collected AS amount_collected,
                   figures.due - figures.collected AS amount_open,
                   CASE WHEN figures.due > 0 THEN figures.collected * 100.0 / figures.due
                        ELSE NULL END AS collection_rate
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
              JOIN account_account account ON account.id = aml.account_id
              JOIN res_company company ON company.id = aml.company_id
        CROSS JOIN LATERAL (
                   SELECT aml.balance - COALESCE(SUM(apr.amount)
                              FILTER (WHERE counterpart.move_type = 'out_refund'), 0) AS due,
                          COALESCE(SUM(apr.amount) FILTER (
                              WHERE journal.type IN %(payment_journals)s
                                AND apr.max_date <= (date_trunc('month', aml.date_maturity)
                                                     + interval '1 month - 1 day')::date), 0)
                              AS collected
                     FROM account_partial_reconcile apr
                     JOIN account_move_line credit ON credit.id = apr.credit_move_id
                     JOIN account_move counterpart ON counterpart.id = credit.move_id
                     JOIN account_journal journal ON journal.id = counterpart.journal_id
                    WHERE apr.debit_move_id = aml.id) figures
             WHERE am.move_type = 'out_invoice' AND aml.parent_state = 'posted'
               AND account.account_type = 'asset_receivable'
               AND aml.date_maturity IS NOT NULL
            """,
            payment_journals=PAYMENT_JOURNAL_TYPES,
        )

    def _read_group_select(self, aggregate_spec, query):
        # The rate of a group is the ratio of its sums, not the mean of its rows' rates.
        if aggregate_spec == "collection_rate:avg":
            return SQL(
                "COALESCE(SUM(%(collected)s) * 100.0 / NULLIF(SUM(%(due)s), 0), 0)",
                collected=self._field_to_sql(self._table, "amount_collected", query),
                due=self._field_to_sql(self._table, "amount_due", query),
            )
        return super()._read_group_select(aggregate_spec, query)
