from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

# Aging buckets by due date: (key, first day overdue, last day overdue or None).
AGING_BUCKETS = [
    ("aging_not_due", None, 0),
    ("aging_1_30", 1, 30),
    ("aging_31_60", 31, 60),
    ("aging_61_90", 61, 90),
    ("aging_91_180", 91, 180),
    ("aging_over_180", 181, None),
]
AGING_KEYS = tuple(bucket[0] for bucket in AGING_BUCKETS)
SALES_MOVE_TYPES = ("out_invoice", "out_receipt")
RETURN_MOVE_TYPES = ("out_refund",)
TOTAL_KEYS = (
    "opening_balance",
    "amount_sales",
    "amount_returns",
    "amount_receipts",
    "closing_balance",
)
# Whose receivable an item is: the customer that receives the statement (the head office
# when it consolidates its branches), or the commercial entity of the item's partner.
PARTNER_KEYS = ("statement_partner_id", "commercial_partner_id")


class SalesReceivableEngine(models.AbstractModel):
    """The receivables of the customers, defined once: which journal items count as a
    receivable (``_receivable_where``), and the figures built on them in set-based
    queries — balances and movements of a period, the items still open at a date, their
    aging by due date and the lines of a period. Statements, the AR aging, the unpaid
    summary, the credit policy, the payment behaviour and collections all read the
    receivables here, so a change to the filter reaches every one of them."""

    _name = "sales.receivable.engine"
    _description = "Receivables Engine"

    # ------------------------------------------------------------------
    # The filter
    # ------------------------------------------------------------------
    @api.model
    def _flush_receivables(self):
        """Write pending changes of everything the queries read."""
        for model in ("account.move.line", "account.move", "account.partial.reconcile"):
            self.env[model].flush_model()
        self.env["res.partner"].flush_model(list(PARTNER_KEYS))

    @api.model
    def _receivable_from(self):
        """The tables of a receivable query: the journal item ``aml``, its account
        ``acc`` and its partner ``p``."""
        return SQL(
            """account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN res_partner p ON p.id = aml.partner_id"""
        )

    @api.model
    def _receivable_partner(self, key="statement_partner_id"):
        """The column naming whose receivable an item is (``PARTNER_KEYS``)."""
        if key not in PARTNER_KEYS:
            raise ValueError(f"Unknown receivable partner key {key!r}")
        return SQL.identifier("p", key)

    @api.model
    def _receivable_where(self, company, partner_ids=None, key="statement_partner_id"):
        """Which journal items are receivables of the company: posted, on an account of
        type receivable, with a partner; optionally only those of some customers (ids of
        ``key``, see ``PARTNER_KEYS``). ``company`` ``None``: those of every company (the
        on-screen AR aging, whose record rules choose the companies)."""
        conditions = [
            SQL("aml.parent_state = 'posted'"),
            SQL("acc.account_type = 'asset_receivable'"),
        ]
        if company is not None:
            conditions.append(SQL("aml.company_id = %s", company.id))
        if partner_ids is not None:
            conditions.append(SQL("%s = ANY(%s)", self._receivable_partner(key), list(partner_ids)))
        return SQL(" AND ").join(conditions)

    # ------------------------------------------------------------------
    # Balances and movements
    # ------------------------------------------------------------------
    @api.model
    def _totals(self, company, date_from, date_to, partner_ids=None):
        """One grouped query: per statement customer the opening and closing balance,
        and the sales, returns and receipts of the period. Only customers with activity
        in the period or a non-zero balance are returned. Sums of ``numeric`` columns
        are exact: no rounding is needed afterwards.

        :return: {partner id: {key of ``TOTAL_KEYS``: amount}}
        """
        self._flush_receivables()
        partner = self._receivable_partner()
        where = self._receivable_where(company, partner_ids)
        # the balances read every item up to the end date; only the items of the
        # period are joined to their entry for its type
        query = SQL(
            """
            SELECT balance.partner_id, balance.opening,
                   COALESCE(period.sales, 0), COALESCE(period.returns, 0),
                   COALESCE(period.receipts, 0), balance.closing
              FROM (SELECT %(partner)s AS partner_id,
                           COALESCE(SUM(aml.balance) FILTER (
                               WHERE aml.date < %(date_from)s), 0) AS opening,
                           SUM(aml.balance) AS closing,
                           COUNT(*) FILTER (WHERE aml.date >= %(date_from)s) AS activity
                      FROM %(items)s
                     WHERE %(where)s AND aml.date <= %(date_to)s
                  GROUP BY %(partner)s) balance
         LEFT JOIN (SELECT %(partner)s AS partner_id,
                           COALESCE(SUM(aml.balance) FILTER (
                               WHERE m.move_type IN %(sales)s), 0) AS sales,
                           COALESCE(-SUM(aml.balance) FILTER (
                               WHERE m.move_type IN %(returns)s), 0) AS returns,
                           COALESCE(-SUM(aml.balance) FILTER (
                               WHERE m.move_type NOT IN %(sales)s
                                 AND m.move_type NOT IN %(returns)s), 0) AS receipts
                      FROM %(items)s
                      JOIN account_move m ON m.id = aml.move_id
                     WHERE %(where)s AND aml.date BETWEEN %(date_from)s AND %(date_to)s
                  GROUP BY %(partner)s) period
                ON period.partner_id = balance.partner_id
             WHERE balance.activity > 0 OR ROUND(balance.closing, %(digits)s) != 0
            """,
            partner=partner,
            items=self._receivable_from(),
            where=where,
            date_from=date_from,
            date_to=date_to,
            sales=SALES_MOVE_TYPES,
            returns=RETURN_MOVE_TYPES,
            digits=company.currency_id.decimal_places,
        )
        return {
            row[0]: dict(zip(TOTAL_KEYS, row[1:], strict=True))
            for row in self.env.execute_query(query)
        }

    # ------------------------------------------------------------------
    # Open items and aging
    # ------------------------------------------------------------------
    @api.model
    def _later_reconciled(self, company, date_to):
        """SQL sub-query ``(id, amount)``: per journal item, the amount that
        reconciliations dated after ``date_to`` took off its residual. Adding it to
        ``amount_residual`` gives the residual at ``date_to``; the sub-query reads only
        the partial reconciliations after that date, whatever the size of the books.
        ``company`` ``None``: those of every company."""
        where = SQL("apr.max_date > %s", date_to)
        if company is not None:
            where = SQL("apr.company_id = %s AND %s", company.id, where)
        return SQL(
            """
            SELECT side.id, SUM(side.amount) AS amount
              FROM account_partial_reconcile apr
        CROSS JOIN LATERAL (VALUES (apr.debit_move_id, apr.amount),
                                   (apr.credit_move_id, -apr.amount)) side (id, amount)
             WHERE %s
          GROUP BY side.id
            """,
            where,
        )

    @api.model
    def _open_items_query(self, company, date_to, partner_ids=None, key="statement_partner_id"):
        """SQL sub-query ``(partner_id, id, move_id, company_id, commercial_partner_id,
        date, date_maturity, residual)``: the receivable items still open at ``date_to``
        with their company-currency residual at that date: the items not reconciled
        today, and those reconciled by entries dated after ``date_to``. ``company``
        ``None``: those of every company."""
        return SQL(
            """
            SELECT %(partner)s AS partner_id, aml.id, aml.move_id, aml.company_id,
                   p.commercial_partner_id, aml.date, aml.date_maturity,
                   aml.amount_residual + COALESCE(later.amount, 0) AS residual
              FROM %(items)s
         LEFT JOIN (%(later)s) later ON later.id = aml.id
             WHERE %(where)s AND aml.date <= %(date_to)s
               AND (aml.reconciled IS NOT TRUE OR later.id IS NOT NULL)
            """,
            partner=self._receivable_partner(key),
            items=self._receivable_from(),
            later=self._later_reconciled(company, date_to),
            where=self._receivable_where(company, partner_ids, key),
            date_to=date_to,
        )

    @api.model
    def _aging_due_date(self):
        """The date an open item (``open``, see ``_open_items_query``) is aged from."""
        return SQL("COALESCE(open.date_maturity, open.date)")

    @api.model
    def _aging_days(self, date_to):
        """The days an open item is overdue at ``date_to`` (0 or less: not due)."""
        return SQL("%s - %s", date_to, self._aging_due_date())

    @api.model
    def _aging_conditions(self, date_to):
        """[(key of ``AGING_KEYS``, SQL condition)]: in which bucket an open item falls
        at ``date_to``."""
        days = self._aging_days(date_to)
        conditions = []
        for key, first, last in AGING_BUCKETS:
            if first is None:
                condition = SQL("%s <= %s", days, last)
            elif last is None:
                condition = SQL("%s >= %s", days, first)
            else:
                condition = SQL("%s BETWEEN %s AND %s", days, first, last)
            conditions.append((key, condition))
        return conditions

    @api.model
    def _aging_columns(self, date_to):
        columns = [
            SQL("COALESCE(SUM(open.residual) FILTER (WHERE %s), 0)", condition)
            for _key, condition in self._aging_conditions(date_to)
        ]
        columns.append(
            SQL(
                "COALESCE(MAX(%s) FILTER (WHERE open.residual > 0), 0)",
                self._aging_days(date_to),
            )
        )
        return SQL(", ").join(columns)

    @api.model
    def _aging(self, company, date_to, partner_ids=None, key="statement_partner_id"):
        """One grouped query: per customer the amounts still open at ``date_to`` in
        buckets by due date (they add up to the balance), and ``max_days_overdue``, the
        days the oldest amount due is late.

        :return: {partner id: {key of ``AGING_KEYS``: amount, "max_days_overdue": days}}
        """
        self._flush_receivables()
        query = SQL(
            """
            SELECT open.partner_id, %(columns)s
              FROM (%(open)s) open
          GROUP BY open.partner_id
            """,
            columns=self._aging_columns(date_to),
            open=self._open_items_query(company, date_to, partner_ids, key),
        )
        keys = (*AGING_KEYS, "max_days_overdue")
        return {
            row[0]: dict(zip(keys, row[1:], strict=True)) for row in self.env.execute_query(query)
        }

    @api.model
    def _open_moves(self, company, date_to, partner_ids, key="statement_partner_id"):
        """Ids of the entries with a receivable still open at ``date_to``: one query."""
        self._flush_receivables()
        query = SQL(
            "SELECT DISTINCT open.move_id FROM (%s) open WHERE open.residual != 0",
            self._open_items_query(company, date_to, partner_ids, key),
        )
        return [row[0] for row in self.env.execute_query(query)]

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------
    @api.model
    def _lines(self, company, date_from, date_to, partner_ids):
        """One query: the receivable items of the period of some statement customers,
        in date order, with their residual at ``date_to`` and the invoiced quantity.

        :return: {partner id: [(id, date, move id, move name, move type, origin,
                  description, due date, balance, currency id, amount in currency,
                  residual, quantity)]}
        """
        self._flush_receivables()
        query = SQL(
            """
            SELECT %(partner)s, aml.id, aml.date, aml.move_id, m.name, m.move_type,
                   m.invoice_origin, COALESCE(NULLIF(m.ref, ''), aml.name), aml.date_maturity,
                   aml.balance, aml.currency_id, aml.amount_currency,
                   aml.amount_residual + COALESCE(later.amount, 0),
                   CASE WHEN m.move_type IN %(invoice_types)s THEN
                       (SELECT SUM(pl.quantity) FROM account_move_line pl
                         WHERE pl.move_id = aml.move_id AND pl.display_type = 'product') END
              FROM %(items)s
              JOIN account_move m ON m.id = aml.move_id
         LEFT JOIN (%(later)s) later ON later.id = aml.id
             WHERE %(where)s AND aml.date BETWEEN %(date_from)s AND %(date_to)s
          ORDER BY %(partner)s, aml.date, m.name, aml.id
            """,
            partner=self._receivable_partner(),
            items=self._receivable_from(),
            later=self._later_reconciled(company, date_to),
            where=self._receivable_where(company, partner_ids),
            date_from=date_from,
            date_to=date_to,
            invoice_types=SALES_MOVE_TYPES + RETURN_MOVE_TYPES,
        )
        lines = defaultdict(list)
        for row in self.env.execute_query(query):
            lines[row[0]].append(row[1:])
        return lines
