import hashlib
import json
import logging
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.customer_archive.tools import may_create
from odoo.addons.record_retention.models.retention_destruction import destruction_allowed
from odoo.addons.record_retention.models.workflow_guard import is_data_loading, workflow_changed

from ..tools import amount_to_chinese, bulk_insert

_logger = logging.getLogger(__name__)

PERIOD_TYPES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("yearly", "Yearly"),
    ("custom", "Custom"),
]
STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("confirmed", "Confirmed"),
    ("disputed", "Disputed"),
    ("resolved", "Resolved"),
    ("done", "Handed to Finance"),
]
# Aging buckets by due date: (key, first day overdue, last day overdue or None).
AGING_BUCKETS = [
    ("aging_not_due", None, 0),
    ("aging_1_30", 1, 30),
    ("aging_31_60", 31, 60),
    ("aging_61_90", 61, 90),
    ("aging_91_180", 91, 180),
    ("aging_over_180", 181, None),
]
SALES_MOVE_TYPES = ("out_invoice", "out_receipt")
RETURN_MOVE_TYPES = ("out_refund",)
# Partners handled per query batch: the number of queries grows with the number of
# batches, never with the number of customers inside one batch.
BATCH_SIZE = 2000
# A 1x1 PNG, the signature of the demo confirmations.
DEMO_SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
TOTAL_FIELDS = (
    "opening_balance",
    "amount_sales",
    "amount_returns",
    "amount_receipts",
    "closing_balance",
)
FIGURE_FIELDS = (
    *TOTAL_FIELDS,
    "amount_uninvoiced",
    *(bucket[0] for bucket in AGING_BUCKETS),
)


class SalesStatement(models.Model):
    _name = "sales.statement"
    _description = "Customer Statement"
    _inherit = [  # noqa: RUF012
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "workflow.guard.mixin",
        "retention.target.mixin",
    ]
    _order = "date_to desc, partner_id, id desc"
    # Kept as long as the sales ledger they reconcile (seed 000), then deleted.
    _retention_actions = ("delete",)
    _check_company_auto = True
    # The figures and lines are the books'; sending, the customer's answer and the
    # hand-over are the workflow's.
    _workflow_fields = (
        *FIGURE_FIELDS,
        "line_ids",
        "revision_ids",
        "state",
        "revision",
        "content_hash",
        "sent_on",
        "reminder_count",
        "confirmed_by",
        "confirmed_on",
        "signature",
        "handover_user_id",
        "handover_on",
        "had_discrepancy",
    )
    # Whose statement, over which period: fixed when it is made.
    _workflow_frozen_fields = (
        "partner_id",
        "company_id",
        "currency_id",
        "period_type",
        "date_from",
        "date_to",
    )
    _workflow_frozen_states = tuple(state for state, _label in STATES)

    name = fields.Char(
        "Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        readonly=True,
        default=lambda s: s.env.company.currency_id,
        help="The company currency: every figure is in it; foreign-currency documents "
        "also show their own amount on the lines.",
    )
    user_id = fields.Many2one(
        "res.users", "Salesperson", index=True, tracking=True, domain="[('share', '=', False)]"
    )
    team_id = fields.Many2one("crm.team", "Sales Team", index=True, check_company=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="monthly", readonly=True)
    date_from = fields.Date("From", required=True, readonly=True)
    date_to = fields.Date("To", required=True, readonly=True, index=True)
    period_label = fields.Char("Period", compute="_compute_period_label")
    opening_balance = fields.Monetary(readonly=True, help="Receivable balance before the period.")
    amount_sales = fields.Monetary(
        "Sales", readonly=True, help="Customer invoices posted in the period."
    )
    amount_returns = fields.Monetary(
        "Returns", readonly=True, help="Credit notes posted in the period."
    )
    amount_receipts = fields.Monetary(
        "Receipts", readonly=True, help="Payments and other credits posted in the period."
    )
    closing_balance = fields.Monetary(
        readonly=True,
        tracking=True,
        help="Opening + sales - returns - receipts: the receivable balance at the end date.",
    )
    closing_balance_chinese = fields.Char(
        "Closing Balance in Words", compute="_compute_closing_balance_chinese"
    )
    amount_uninvoiced = fields.Monetary(
        "Delivered, Not Invoiced",
        readonly=True,
        help="For information: goods delivered on confirmed orders and not invoiced yet.",
    )
    aging_not_due = fields.Monetary("Not Due", readonly=True)
    aging_1_30 = fields.Monetary("1-30 Days", readonly=True)
    aging_31_60 = fields.Monetary("31-60 Days", readonly=True)
    aging_61_90 = fields.Monetary("61-90 Days", readonly=True)
    aging_91_180 = fields.Monetary("91-180 Days", readonly=True)
    aging_over_180 = fields.Monetary("Over 180 Days", readonly=True)
    line_ids = fields.One2many("sales.statement.line", "statement_id", "Lines", readonly=True)
    discrepancy_ids = fields.One2many(
        "sales.statement.discrepancy", "statement_id", "Discrepancies"
    )
    discrepancy_count = fields.Integer(compute="_compute_discrepancy_count")
    open_discrepancy_count = fields.Integer(compute="_compute_discrepancy_count")
    revision_ids = fields.One2many(
        "sales.statement.revision", "statement_id", "Sent Versions", readonly=True
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    revision = fields.Integer(
        default=0, readonly=True, copy=False, tracking=True, help="Incremented on each reissue."
    )
    content_hash = fields.Char(readonly=True, copy=False)
    sent_on = fields.Datetime(readonly=True, copy=False)
    reminder_count = fields.Integer(readonly=True, copy=False)
    confirmed_by = fields.Char(readonly=True, copy=False, tracking=True)
    confirmed_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    signature = fields.Image(readonly=True, copy=False, attachment=True, max_width=1024)
    handover_user_id = fields.Many2one("res.users", "Handed Over By", readonly=True, copy=False)
    handover_on = fields.Datetime("Handed Over On", readonly=True, copy=False)
    had_discrepancy = fields.Boolean(
        readonly=True, copy=False, help="The customer disputed this statement at least once."
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "period_partner_uniq",
            "UNIQUE(company_id, partner_id, date_from, date_to)",
            "There is already a statement for this customer, company and period.",
        ),
        ("dates_check", "CHECK(date_from <= date_to)", "The period must end after it starts."),
    ]

    def _workflow_guarded_fields(self, vals, create=False):
        names = super()._workflow_guarded_fields(vals, create=create)
        # A statement the customer confirmed stays as it was confirmed.
        answered = self.filtered(lambda s: s.state in ("confirmed", "done"))
        if not create and answered:
            names += [
                name
                for name in ("user_id", "team_id", "discrepancy_ids")
                if name in vals and workflow_changed(answered, name, vals[name])
            ]
        return names

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_from", "date_to", "period_type")
    def _compute_period_label(self):
        for statement in self:
            statement.period_label = statement._period_label()

    def _period_label(self):
        self.ensure_one()
        if not (self.date_from and self.date_to):
            return ""
        date_from, date_to = self.date_from, self.date_to
        if self.period_type == "monthly":
            return f"{date_from.year:04d}-{date_from.month:02d}"
        if self.period_type == "quarterly":
            return f"{date_from.year:04d} Q{(date_from.month - 1) // 3 + 1}"
        if self.period_type == "yearly":
            return f"{date_from.year:04d}"
        return f"{date_from.isoformat()} ~ {date_to.isoformat()}"

    @api.depends("closing_balance", "currency_id")
    def _compute_closing_balance_chinese(self):
        for statement in self:
            statement.closing_balance_chinese = amount_to_chinese(statement.closing_balance)

    @api.depends("discrepancy_ids.state")
    def _compute_discrepancy_count(self):
        for statement in self:
            statement.discrepancy_count = len(statement.discrepancy_ids)
            statement.open_discrepancy_count = len(
                statement.discrepancy_ids.filtered(lambda d: d.state == "open")
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for statement in self:
            statement.access_url = f"/my/statements/{statement.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"{self.name}-{self.partner_id.name}-R{self.revision}"

    def _get_portal_return_action(self):
        return self.env.ref("sales_reconciliation.sales_statement_action")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if destruction_allowed(self):
            return
        if any(statement.state != "draft" for statement in self):
            raise UserError(self.env._("Only draft statements can be deleted."))

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Open balance of the customer"),
                [("partner_id", "in", self._retention_open_balance_partners())],
            )
        ]

    # ------------------------------------------------------------------
    # Figures (set-based)
    # ------------------------------------------------------------------
    @api.model
    def _receivable_where(self, company, partner_ids=None):
        """Posted receivable journal items of the company, optionally of some
        commercial partners (``p`` is the partner of the item)."""
        conditions = [
            SQL("aml.parent_state = 'posted'"),
            SQL("aml.company_id = %s", company.id),
            SQL("acc.account_type = 'asset_receivable'"),
        ]
        if partner_ids is not None:
            conditions.append(SQL("p.statement_partner_id = ANY(%s)", list(partner_ids)))
        return SQL(" AND ").join(conditions)

    @api.model
    def _report_partner_ids(self, company):
        """Whose receivables the current user sees in the reports of ``company`` (AR
        aging, unpaid summary), as the statements' record rules say: ``None`` for the
        whole company (finance, sales managers, salespeople who see all documents),
        else the ids of the salesperson's own customers. Users without a sales or
        finance role, and users of another company, are refused."""
        if self.env.su:
            return None
        user = self.env.user
        if company not in user.company_ids:
            raise AccessError(self.env._("You have no access to this company."))
        if user.has_group("account.group_account_invoice") or user.has_group(
            "sales_team.group_sale_salesman_all_leads"
        ):
            return None
        if not user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                self.env._("Only salespeople and finance see the customers' receivables.")
            )
        partners = (
            self.env["res.partner"]
            .with_company(company)
            .with_context(active_test=False)
            .search([("user_id", "=", user.id)])
        )
        return set(partners.filtered(lambda p: p == p.commercial_partner_id).ids)

    @api.model
    def _later_reconciled(self, company, date_to):
        """SQL sub-query ``(id, amount)``: per journal item, the amount that
        reconciliations dated after ``date_to`` took off its residual. Adding it to
        ``amount_residual`` gives the residual at ``date_to``; the sub-query reads only
        the partial reconciliations after that date, whatever the size of the books."""
        return SQL(
            """
            SELECT side.id, SUM(side.amount) AS amount
              FROM account_partial_reconcile apr
        CROSS JOIN LATERAL (VALUES (apr.debit_move_id, apr.amount),
                                   (apr.credit_move_id, -apr.amount)) side (id, amount)
             WHERE apr.company_id = %(company)s AND apr.max_date > %(date)s
          GROUP BY side.id
            """,
            company=company.id,
            date=date_to,
        )

    @api.model
    def _query_totals(self, company, date_from, date_to, partner_ids=None):
        """One grouped query: per commercial partner the opening and closing balance,
        and the sales, returns and receipts of the period. Only partners with activity
        in the period or a non-zero balance are returned. Sums of ``numeric`` columns
        are exact: no rounding is needed afterwards."""
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        self.env["res.partner"].flush_model(["statement_partner_id"])
        # the balances read every item up to the end date; only the items of the
        # period are joined to their entry for its type
        query = SQL(
            """
            SELECT balance.partner_id, balance.opening,
                   COALESCE(period.sales, 0), COALESCE(period.returns, 0),
                   COALESCE(period.receipts, 0), balance.closing
              FROM (SELECT p.statement_partner_id AS partner_id,
                           COALESCE(SUM(aml.balance) FILTER (
                               WHERE aml.date < %(date_from)s), 0) AS opening,
                           SUM(aml.balance) AS closing,
                           COUNT(*) FILTER (WHERE aml.date >= %(date_from)s) AS activity
                      FROM account_move_line aml
                      JOIN account_account acc ON acc.id = aml.account_id
                      JOIN res_partner p ON p.id = aml.partner_id
                     WHERE %(where)s AND aml.date <= %(date_to)s
                  GROUP BY p.statement_partner_id) balance
         LEFT JOIN (SELECT p.statement_partner_id AS partner_id,
                           COALESCE(SUM(aml.balance) FILTER (
                               WHERE m.move_type IN %(sales)s), 0) AS sales,
                           COALESCE(-SUM(aml.balance) FILTER (
                               WHERE m.move_type IN %(returns)s), 0) AS returns,
                           COALESCE(-SUM(aml.balance) FILTER (
                               WHERE m.move_type NOT IN %(sales)s
                                 AND m.move_type NOT IN %(returns)s), 0) AS receipts
                      FROM account_move_line aml
                      JOIN account_move m ON m.id = aml.move_id
                      JOIN account_account acc ON acc.id = aml.account_id
                      JOIN res_partner p ON p.id = aml.partner_id
                     WHERE %(where)s AND aml.date BETWEEN %(date_from)s AND %(date_to)s
                  GROUP BY p.statement_partner_id) period
                ON period.partner_id = balance.partner_id
             WHERE balance.activity > 0 OR ROUND(balance.closing, %(digits)s) != 0
            """,
            date_from=date_from,
            date_to=date_to,
            sales=SALES_MOVE_TYPES,
            returns=RETURN_MOVE_TYPES,
            where=self._receivable_where(company, partner_ids),
            digits=company.currency_id.decimal_places,
        )
        return {
            row[0]: dict(zip(TOTAL_FIELDS, row[1:], strict=True))
            for row in self.env.execute_query(query)
        }

    @api.model
    def _aging_columns(self, date_to, residual="open.residual"):
        columns = []
        for _key, first, last in AGING_BUCKETS:
            days = SQL("%s - COALESCE(open.date_maturity, open.date)", date_to)
            if first is None:
                condition = SQL("%s <= %s", days, last)
            elif last is None:
                condition = SQL("%s >= %s", days, first)
            else:
                condition = SQL("%s BETWEEN %s AND %s", days, first, last)
            columns.append(SQL("COALESCE(SUM(%s) FILTER (WHERE %s), 0)", SQL(residual), condition))
        return SQL(", ").join(columns)

    @api.model
    def _open_items_query(self, company, date_to, partner_ids=None):
        """SQL sub-query: the receivable items still open at ``date_to`` with their
        company-currency residual at that date: the items not reconciled today, and
        those reconciled by entries dated after ``date_to``."""
        return SQL(
            """
            SELECT p.statement_partner_id AS partner_id, aml.id, aml.date, aml.date_maturity,
                   aml.amount_residual + COALESCE(later.amount, 0) AS residual
              FROM account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN res_partner p ON p.id = aml.partner_id
         LEFT JOIN (%(later)s) later ON later.id = aml.id
             WHERE %(where)s AND aml.date <= %(date_to)s
               AND (aml.reconciled IS NOT TRUE OR later.id IS NOT NULL)
            """,
            later=self._later_reconciled(company, date_to),
            where=self._receivable_where(company, partner_ids),
            date_to=date_to,
        )

    @api.model
    def _query_aging(self, company, date_to, partner_ids=None):
        """One grouped query: per commercial partner the amounts still open at
        ``date_to`` in buckets by due date. The buckets add up to the balance."""
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        self.env["res.partner"].flush_model(["statement_partner_id"])
        query = SQL(
            """
            SELECT open.partner_id, %(columns)s
              FROM (%(open)s) open
          GROUP BY open.partner_id
            """,
            columns=self._aging_columns(date_to),
            open=self._open_items_query(company, date_to, partner_ids),
        )
        keys = [bucket[0] for bucket in AGING_BUCKETS]
        return {
            row[0]: dict(zip(keys, row[1:], strict=True)) for row in self.env.execute_query(query)
        }

    @api.model
    def _query_lines(self, company, date_from, date_to, partner_ids):
        """One query: the receivable items of the period for a batch of partners, in
        date order, with their residual at ``date_to`` and the invoiced quantity."""
        query = SQL(
            """
            SELECT p.statement_partner_id, aml.id, aml.date, aml.move_id, m.name, m.move_type,
                   m.invoice_origin, COALESCE(NULLIF(m.ref, ''), aml.name), aml.date_maturity,
                   aml.balance, aml.currency_id, aml.amount_currency,
                   aml.amount_residual + COALESCE(later.amount, 0),
                   CASE WHEN m.move_type IN %(invoice_types)s THEN
                       (SELECT SUM(pl.quantity) FROM account_move_line pl
                         WHERE pl.move_id = aml.move_id AND pl.display_type = 'product') END
              FROM account_move_line aml
              JOIN account_move m ON m.id = aml.move_id
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN res_partner p ON p.id = aml.partner_id
         LEFT JOIN (%(later)s) later ON later.id = aml.id
             WHERE %(where)s AND aml.date BETWEEN %(date_from)s AND %(date_to)s
          ORDER BY p.statement_partner_id, aml.date, m.name, aml.id
            """,
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

    @api.model
    def _query_uninvoiced(self, company, partner_ids):
        """One grouped query: delivered but not invoiced amount (untaxed, company
        currency) of confirmed orders, per commercial partner."""
        self.env["sale.order.line"].flush_model()
        self.env["sale.order"].flush_model()
        self.env["res.partner"].flush_model(["statement_partner_id"])
        query = SQL(
            """
            SELECT p.statement_partner_id,
                   SUM((sol.qty_delivered - sol.qty_invoiced) * sol.price_reduce_taxexcl
                       / COALESCE(NULLIF(so.currency_rate, 0), 1))
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner p ON p.id = so.partner_id
             WHERE so.state = 'sale' AND so.company_id = %s
               AND sol.qty_delivered > sol.qty_invoiced
               AND p.statement_partner_id = ANY(%s)
          GROUP BY p.statement_partner_id
            """,
            company.id,
            list(partner_ids),
        )
        return dict(self.env.execute_query(query))

    @api.model
    def _compute_figures(self, company, date_from, date_to, partner_ids=None):
        """Figures of the period for partners (all with activity or a balance when
        ``partner_ids`` is None). Four queries per batch of partners.

        :return: {partner_id: {field: value, ..., "lines": [line values]}}
        """
        currency = company.currency_id
        totals = self._query_totals(company, date_from, date_to, partner_ids)
        result = {}
        partner_list = sorted(totals)
        for start in range(0, len(partner_list), BATCH_SIZE):
            batch = partner_list[start : start + BATCH_SIZE]
            aging = self._query_aging(company, date_to, batch)
            lines = self._query_lines(company, date_from, date_to, batch)
            uninvoiced = self._query_uninvoiced(company, batch)
            for partner_id in batch:
                figures = dict(totals[partner_id])
                figures["amount_uninvoiced"] = currency.round(uninvoiced.get(partner_id) or 0.0)
                buckets = aging.get(partner_id, {})
                for key, _first, _last in AGING_BUCKETS:
                    figures[key] = buckets.get(key) or 0.0
                figures["lines"] = self._prepare_line_values(
                    company, date_to, figures["opening_balance"], lines.get(partner_id, [])
                )
                result[partner_id] = figures
        return result

    @api.model
    def _prepare_line_values(self, company, date_to, opening, rows):
        currency = company.currency_id
        running = opening
        values = []
        for sequence, row in enumerate(rows, start=1):
            (
                aml_id,
                line_date,
                move_id,
                move_name,
                move_type,
                origin,
                description,
                due,
                balance,
                line_currency_id,
                amount_currency,
                residual,
                quantity,
            ) = row
            # amounts come exact from numeric columns; only the running sum is rounded
            running = currency.round(running + balance)
            days = (date_to - due).days if due and residual > 0 and due < date_to else 0
            foreign = line_currency_id and line_currency_id != currency.id
            values.append(
                {
                    "sequence": sequence,
                    "move_line_id": aml_id,
                    "move_id": move_id,
                    "date": line_date,
                    "document": move_name,
                    "document_type": (
                        "invoice"
                        if move_type in SALES_MOVE_TYPES
                        else "refund"
                        if move_type in RETURN_MOVE_TYPES
                        else "payment"
                        if move_type == "entry"
                        else "other"
                    ),
                    "order_ref": origin,
                    "description": description,
                    "quantity": quantity or 0.0,
                    "debit": max(balance, 0.0),
                    "credit": max(-balance, 0.0),
                    "running_balance": running,
                    "outstanding": residual,
                    "date_maturity": due,
                    "days_overdue": days,
                    "foreign_currency_id": line_currency_id if foreign else False,
                    "amount_currency": amount_currency if foreign else 0.0,
                }
            )
        return values

    @api.model
    def _content_hash(self, figures):
        """Fingerprint of the figures and lines: reissue only when something changed."""
        payload = {
            key: (value if not isinstance(value, date) else value.isoformat())
            for key, value in figures.items()
            if key != "lines"
        }
        payload["lines"] = [
            [line["move_line_id"], line["debit"], line["credit"], line["outstanding"]]
            for line in figures["lines"]
        ]
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    @api.model
    def _period_type_of(self, date_from, date_to):
        if date_from.day == 1 and date_to == date_from + relativedelta(months=1, days=-1):
            return "monthly"
        if (
            date_from.day == 1
            and date_from.month % 3 == 1
            and date_to == date_from + relativedelta(months=3, days=-1)
        ):
            return "quarterly"
        if date_from == date(date_from.year, 1, 1) and date_to == date(date_from.year, 12, 31):
            return "yearly"
        return "custom"

    @api.model
    def _next_numbers(self, count, on_date):
        """``count`` numbers of the statement sequence in one query (standard
        implementation), instead of one query per statement."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "sales.statement"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        if not count:
            return []
        if not sequence:
            return ["/"] * count
        sequence = sequence.with_context(ir_sequence_date=on_date)
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id(sequence_date=on_date) for _i in range(count)]
        rows = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{row[0]:0{sequence.padding}d}{suffix}" for row in rows]

    @api.model
    def generate_statements(self, date_from, date_to, partners=None):
        """Create or refresh the statements of a period for the current company.

        One statement per customer (of ``partners``, or every customer) with activity
        in the period or a non-zero balance. A draft statement is refreshed in place;
        a sent, disputed or resolved statement whose figures changed is reissued
        under a new revision (the PDF sent before stays attached with its hash);
        confirmed and handed-over statements are never touched.

        :param date_from: ``date`` or ISO string
        :param date_to: ``date`` or ISO string
        :param partners: ``res.partner`` recordset (contacts count for their company)
        :return: the statements of the period (``sales.statement`` recordset)
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_from > date_to:
            raise UserError(self.env._("The period must end after it starts."))
        self.check_access("create")
        company = self.env.company
        partner_ids = None
        if partners is not None:
            # A branch of a head office that consolidates is in its head office's statement.
            partner_ids = set(partners.statement_partner_id.ids)
        figures_by_partner = self._compute_figures(company, date_from, date_to, partner_ids)
        # The figures are stored as superuser: only for the statements the user may change.
        allowed = self._generation_allowed(company, date_from, date_to, figures_by_partner)
        refused = set(figures_by_partner) - allowed
        if refused and partners is not None:
            names = self.env["res.partner"].sudo().browse(sorted(refused)).mapped("name")
            raise AccessError(
                self.env._(
                    "You may not generate or reissue the statements of %(customers)s: they "
                    "belong to another salesperson or to none.",
                    customers=", ".join(names),
                )
            )
        figures_by_partner = {key: figures_by_partner[key] for key in allowed}
        return (
            self.sudo()._store_figures(company, date_from, date_to, figures_by_partner).sudo(False)
        )

    def _generation_allowed(self, company, date_from, date_to, partner_ids):
        """Ids of ``partner_ids`` whose statement of the period the current user may change
        (an existing one) or create (a new one), by the statements' record rules."""
        if self.env.su:
            return set(partner_ids)
        existing = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
                ("partner_id", "in", list(partner_ids)),
            ]
        )
        writable = self.browse(existing.ids)._filtered_access("write")
        allowed = set(existing.filtered(lambda s: s.id in writable.ids).partner_id.ids)
        new_partners = (
            self.env["res.partner"]
            .sudo()
            .browse(sorted(set(partner_ids) - set(existing.partner_id.ids)))
        )
        creatable = may_create(
            self,
            [
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "user_id": partner.user_id.id,
                    "team_id": partner.user_id.sale_team_id.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
                for partner in new_partners
            ],
        )
        allowed.update(p.id for p, ok in zip(new_partners, creatable, strict=True) if ok)
        return allowed

    def _store_figures(self, company, date_from, date_to, figures_by_partner):
        ctx = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "mail_notrack": True,
        }
        statements = self.with_context(**ctx)
        existing = statements.search(
            [
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
                ("partner_id", "in", list(figures_by_partner)),
            ]
        )
        existing_by_partner = {statement.partner_id.id: statement for statement in existing}
        partners = self.env["res.partner"].browse(list(figures_by_partner))
        partners.fetch(["user_id", "settlement_method"])
        partners.user_id.fetch(["sale_team_id"])
        period_type = self._period_type_of(date_from, date_to)
        # bulk_insert runs no compute: the stored computed reply deadline is given here
        deadlines = self._reply_deadlines(company, date_to, partners)
        to_create = []
        refreshed = self.browse()
        to_refresh = []
        reissued = self.browse()
        for partner in partners:
            figures = figures_by_partner[partner.id]
            content_hash = self._content_hash(figures)
            statement = existing_by_partner.get(partner.id)
            values = {key: figures[key] for key in FIGURE_FIELDS}
            values["content_hash"] = content_hash
            if not statement:
                values.update(
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "currency_id": company.currency_id.id,
                        "date_from": date_from,
                        "date_to": date_to,
                        "period_type": period_type,
                        "user_id": partner.user_id.id,
                        "team_id": partner.user_id.sale_team_id.id,
                        "reply_deadline": deadlines[partner.id],
                    }
                )
                to_create.append(values)
                continue
            if statement.state in ("confirmed", "done") or statement.content_hash == content_hash:
                continue
            if statement.state != "draft":
                # a new revision, a new link: the one sent before answers nothing
                values.update(
                    {"revision": statement.revision + 1, "state": "draft", "access_token": False}
                )
                reissued |= statement
            refreshed |= statement
            to_refresh.append((statement, values))
        # Replace the lines of refreshed statements: one DELETE for all of them.
        refreshed.line_ids.unlink()
        for statement, values in to_refresh:
            statement.write(values)
        numbers = self._next_numbers(len(to_create), date_to)
        for values, number in zip(to_create, numbers, strict=True):
            values.update(name=number, state="draft", revision=0)
        created = bulk_insert(statements, to_create)
        self._insert_lines(
            [
                (statement, figures_by_partner[statement.partner_id.id]["lines"])
                for statement in refreshed | created
            ]
        )
        if reissued:
            reissued.sudo(False)._message_log_batch(
                bodies={
                    statement.id: self.env._(
                        "The figures changed: revision %(revision)s replaces the statement "
                        "sent before (its PDF stays attached).",
                        revision=statement.revision,
                    )
                    for statement in reissued
                }
            )
        return existing | created

    def _insert_lines(self, lines_by_statement):
        """Write the lines of many statements in one query: they are plain copies of
        figures computed in SQL (``lines_by_statement``: [(statement, [values])])."""
        bulk_insert(
            self.env["sales.statement.line"],
            [
                {"statement_id": statement.id, "company_id": statement.company_id.id, **line}
                for statement, lines in lines_by_statement
                for line in lines
            ],
        )
        self.concat(*(statement for statement, _lines in lines_by_statement)).invalidate_recordset(
            ["line_ids"]
        )

    @api.model
    def _cron_generate_statements(self):
        """Monthly run (first days of the month) for the month just ended: monthly
        settlement customers and customers on a monthly period every month, the
        others when their quarter or year ends."""
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1) - relativedelta(months=1)
        month_end = today.replace(day=1) - timedelta(days=1)
        periods = [("monthly", month_start, month_end)]
        if month_end.month % 3 == 0:
            periods.append(
                ("quarterly", month_end.replace(day=1) - relativedelta(months=2), month_end)
            )
        if month_end.month == 12:
            periods.append(("yearly", month_end.replace(month=1, day=1), month_end))
        # archived customers with a balance get their statement too
        Partner = self.env["res.partner"].with_context(active_test=False)
        for company in self.env["res.company"].search([]):
            statements = self.with_company(company)
            for period_type, date_from, date_to in periods:
                domain = [("is_company", "=", True), ("statement_period", "=", period_type)]
                if period_type == "monthly":
                    domain = [
                        ("is_company", "=", True),
                        "|",
                        ("settlement_method", "=", "monthly"),
                        ("statement_period", "=", "monthly"),
                    ]
                else:
                    domain.append(("settlement_method", "!=", "monthly"))
                partners = Partner.with_company(company).search(domain)
                if partners:
                    statements.generate_statements(date_from, date_to, partners)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _render_pdf(self):
        self.ensure_one()
        return (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("sales_reconciliation.sales_statement_report_action", [self.id])[0]
        )

    def _archive_pdf(self, kind="sent"):
        """Attach the PDF of the current revision and keep its SHA-256."""
        self.ensure_one()
        if self.env.context.get("sales_statement_no_pdf") and is_data_loading(self.env):
            # demo data loaded without a running server: wkhtmltopdf cannot fetch assets
            return self.env["ir.attachment"]
        pdf = self._render_pdf()
        suffix = "-signed" if kind == "signed" else ""
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self._get_report_base_filename()}{suffix}.pdf",
                    "raw": pdf,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        self.env["sales.statement.revision"].sudo().create(
            {
                "statement_id": self.id,
                "revision": self.revision,
                "kind": kind,
                "attachment_id": attachment.id,
                "checksum": hashlib.sha256(pdf).hexdigest(),
                "closing_balance": self.closing_balance,
            }
        )
        return attachment

    def action_send(self):
        """E-mail the statement PDF with a portal link and schedule a reminder.
        A resolved statement is first recomputed and reissued as a new revision."""
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement")
        reminder_days = self.env.company.statement_reminder_days
        for statement in self:
            if statement.state not in ("draft", "sent", "resolved"):
                raise UserError(
                    self.env._(
                        "Statement %(name)s cannot be sent in its current state.",
                        name=statement.name,
                    )
                )
            if not statement.partner_id.email and not statement.partner_id.child_ids.filtered(
                "email"
            ):
                raise UserError(
                    self.env._(
                        "Customer %(name)s has no e-mail address.", name=statement.partner_id.name
                    )
                )
            if statement.state == "resolved":
                statement._reissue()
            statement._portal_ensure_token()
            attachment = statement._archive_pdf("sent")
            with statement._workflow_pass():
                statement.write(
                    {"state": "sent", "sent_on": fields.Datetime.now(), "reminder_count": 0}
                )
            statement.message_subscribe(partner_ids=statement.partner_id.ids)
            statement.with_context(lang=statement.partner_id.lang).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                attachment_ids=attachment.ids,
            )
            statement.activity_schedule(
                "sales_reconciliation.mail_activity_type_statement_reminder",
                date_deadline=fields.Date.context_today(statement) + timedelta(days=reminder_days),
                user_id=statement.user_id.id or self.env.uid,
                summary=self.env._("Follow up the statement with the customer"),
            )
        return True

    def _reissue(self):
        """Recompute the figures from the books and raise the revision."""
        for statement in self:
            figures = self._compute_figures(
                statement.company_id,
                statement.date_from,
                statement.date_to,
                {statement.partner_id.id},
            ).get(statement.partner_id.id)
            values = {"revision": statement.revision + 1}
            if figures:
                values.update({key: figures[key] for key in FIGURE_FIELDS})
                values["content_hash"] = self._content_hash(figures)
                statement.sudo().line_ids.unlink()
                statement.sudo()._insert_lines([(statement, figures["lines"])])
            statement.sudo().write(values)
            statement.message_post(
                body=self.env._("Reissued as revision %(revision)s.", revision=statement.revision)
            )

    def _check_portal_state(self, states):
        for statement in self:
            if statement.state not in states:
                raise UserError(
                    self.env._(
                        "Statement %(name)s is not waiting for your answer.", name=statement.name
                    )
                )

    def _action_customer_confirm(self, name, signature, author=None, reply=None):
        """Confirmation by the customer: signer, date, signature and the signed PDF
        posted to the chatter. In the portal (``reply`` is None) or registered from
        the back office (``reply``: channel, date and stamped scan, see
        ``_reply_values``)."""
        self.ensure_one()
        self._check_portal_state(("sent",))
        reply_values = self._reply_values(name, signature, reply)
        with self._workflow_pass():
            self.write(
                {
                    "state": "confirmed",
                    "confirmed_by": name,
                    "confirmed_on": fields.Datetime.now(),
                    "signature": signature or False,
                    **reply_values,
                }
            )
        attachment = self._archive_pdf("signed")
        self.message_post(
            body=self._reply_message(name),
            attachment_ids=(attachment | self.reply_scan_id).ids,
            author_id=(author or self.partner_id).id,
            # shown in the portal, but not a comment the customer could edit or strip of
            # the signed PDF
            message_type="auto_comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_reminder"],
            feedback=self.env._("Confirmed by the customer."),
        )
        return True

    def _action_customer_dispute(self, disputed_lines, author=None, reply=None):
        """Dispute by the customer (portal, or registered from the back office with
        ``reply``): ``disputed_lines`` is a list of dicts with ``statement_line_id``
        (or ``document``), ``their_amount`` and ``reason``."""
        self.ensure_one()
        self._check_portal_state(("sent",))
        if not disputed_lines:
            raise UserError(self.env._("Tell us which amounts differ."))
        reply_values = self._reply_values(None, None, reply, confirm=False)
        values = []
        for line in disputed_lines:
            statement_line = self.line_ids.browse(line.get("statement_line_id") or [])
            if statement_line and statement_line.statement_id != self:
                raise UserError(self.env._("This line does not belong to the statement."))
            our_amount = line.get("our_amount")
            if our_amount is None:
                our_amount = statement_line.debit - statement_line.credit if statement_line else 0.0
            values.append(
                {
                    "statement_id": self.id,
                    "revision": self.revision,
                    "statement_line_id": statement_line.id,
                    "document": line.get("document") or statement_line.document,
                    "our_amount": our_amount,
                    "their_amount": line.get("their_amount") or 0.0,
                    "customer_reason": line.get("reason"),
                }
            )
        discrepancies = self.env["sales.statement.discrepancy"].create(values)
        with self._workflow_pass():
            self.write({"state": "disputed", "had_discrepancy": True, **reply_values})
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_reminder"],
            feedback=self.env._("Disputed by the customer."),
        )
        body = self.env._(
            "The customer disputes %(count)s amount(s): %(documents)s",
            count=len(discrepancies),
            documents=", ".join(d.document or "-" for d in discrepancies),
        )
        self.message_post(
            body=body,
            attachment_ids=self.reply_scan_id.ids,
            author_id=(author or self.partner_id).id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )
        self.activity_schedule(
            "sales_reconciliation.mail_activity_type_statement_dispute",
            user_id=self.user_id.id or self.create_uid.id,
            summary=self.env._("Resolve the customer's discrepancies"),
            note=body,
        )
        return discrepancies

    def action_resolve(self):
        """All discrepancies resolved: the statement can be corrected and re-sent."""
        for statement in self:
            if statement.state != "disputed":
                raise UserError(self.env._("Only disputed statements can be resolved."))
            open_lines = statement.discrepancy_ids.filtered(lambda d: d.state == "open")
            if open_lines:
                raise UserError(
                    self.env._(
                        "Resolve every discrepancy first (reason category, responsible side "
                        "and resolution): %(documents)s",
                        documents=", ".join(d.document or "-" for d in open_lines),
                    )
                )
            with statement._workflow_pass():
                statement.state = "resolved"
            statement.activity_feedback(
                ["sales_reconciliation.mail_activity_type_statement_dispute"],
                feedback=self.env._("Discrepancies resolved."),
            )
        return True

    def action_handover(self):
        """Hand the confirmed statement with its signed PDF over to finance."""
        if not self.env.user.has_group("account.group_account_invoice") and not self.env.su:
            raise AccessError(self.env._("Only finance hands statements over."))
        for statement in self:
            if statement.state != "confirmed":
                raise UserError(self.env._("Only confirmed statements are handed to finance."))
        with self._workflow_pass():
            self.write(
                {
                    "state": "done",
                    "handover_user_id": self.env.uid,
                    "handover_on": fields.Datetime.now(),
                }
            )
        for statement in self:
            signed = statement.revision_ids.filtered(lambda r: r.kind == "signed")[:1]
            statement.message_post(
                body=self.env._("Handed over to finance."),
                attachment_ids=signed.attachment_id.ids,
            )
        return True

    def action_reset_draft(self):
        for statement in self:
            if statement.state not in ("sent", "resolved"):
                raise UserError(self.env._("Only sent or resolved statements go back to draft."))
        with self._workflow_pass():
            self.write({"state": "draft"})
        return True

    def action_refresh(self):
        """Recompute draft statements from the books."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(self.env._("Only draft statements are recomputed."))
            statement.with_company(statement.company_id).generate_statements(
                statement.date_from, statement.date_to, statement.partner_id
            )
        return True

    @api.model
    def _cron_remind(self):
        """Remind customers of unanswered statements every N days, escalate old
        open discrepancies to the sales manager."""
        now = fields.Datetime.now()
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement_reminder")
        for company in self.env["res.company"].search([]):
            limit = now - timedelta(days=company.statement_reminder_days)
            statements = self.search(
                [("company_id", "=", company.id), ("state", "=", "sent"), ("sent_on", "<=", limit)]
            )
            for statement in statements:
                last = statement.write_date if statement.reminder_count else statement.sent_on
                if last and last > limit:
                    continue
                statement.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment", message_type="comment"
                )
                with statement._workflow_pass():
                    statement.reminder_count += 1
            escalation = now - timedelta(days=company.discrepancy_escalation_days)
            self.env["sales.statement.discrepancy"].search(
                [
                    ("statement_id.company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("escalated", "=", False),
                    ("create_date", "<=", escalation),
                ]
            )._escalate()

    @api.model
    def _cron_send_unpaid_summary(self):
        """Monthly unpaid summary (客户未付款明细表) for the month just ended,
        e-mailed as PDF to the sales managers of each company."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        template = self.env.ref("sales_reconciliation.mail_template_sales_unpaid_summary")
        managers_group = self.env.ref("sales_team.group_sale_manager")
        for company in self.env["res.company"].search([]):
            managers = managers_group.users.filtered(
                lambda user, c=company: not user.share and c in user.company_ids and user.email
            )
            if not managers:
                continue
            self._send_unpaid_summary(company, date_from, date_to, managers, template)

    @api.model
    def _send_unpaid_summary(self, company, date_from, date_to, recipients, template=None):
        template = template or self.env.ref(
            "sales_reconciliation.mail_template_sales_unpaid_summary"
        )
        period_label = f"{date_from.year:04d}-{date_from.month:02d}"
        data = {
            "company_id": company.id,
            "date_from": fields.Date.to_string(date_from),
            "date_to": fields.Date.to_string(date_to),
        }
        pdf = (
            self.env["ir.actions.report"]
            .sudo()
            .with_company(company)
            ._render_qweb_pdf(
                "sales_reconciliation.unpaid_summary_report_action", company.ids, data=data
            )[0]
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{company.name}-{period_label}-未付款明细表.pdf",
                    "raw": pdf,
                    "res_model": "res.company",
                    "res_id": company.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        mail_id = template.with_context(period_label=period_label).send_mail(
            company.id,
            email_values={
                "recipient_ids": [fields.Command.set(recipients.partner_id.ids)],
                "attachment_ids": [fields.Command.link(attachment.id)],
            },
        )
        return self.env["mail.mail"].sudo().browse(mail_id)

    def action_preview_sales_statement(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    @api.model
    def _demo_build_statements(self, partner_ids):
        """Demo data: last month's books of six customers and their statements in
        every state (draft, sent, disputed, resolved, confirmed, handed over)."""
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.env.company.id)], limit=1
        )
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if not journal or not bank:
            return
        partners = self.env["res.partner"].browse(partner_ids)
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        previous = date_from - timedelta(days=20)
        Move = self.env["account.move"]
        for index, partner in enumerate(partners):
            base = 10000.0 + 2345.67 * index
            opening = Move.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_user_id": partner.user_id.id,
                    "invoice_date": previous,
                    "invoice_date_due": previous + timedelta(days=30),
                    "invoice_origin": f"S{1000 + index}",
                    "invoice_line_ids": [
                        fields.Command.create(
                            {"name": "冷轧钢板 SPCC 1.0mm", "quantity": 10, "price_unit": base / 10}
                        )
                    ],
                }
            )
            sale = Move.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_user_id": partner.user_id.id,
                    "invoice_date": date_from + timedelta(days=9),
                    "invoice_date_due": date_from + timedelta(days=39),
                    "invoice_origin": f"S{2000 + index}",
                    "invoice_line_ids": [
                        fields.Command.create(
                            {"name": "镀锌钢管 DN50", "quantity": 20, "price_unit": base / 40}
                        )
                    ],
                }
            )
            refund = Move.create(
                {
                    "move_type": "out_refund",
                    "partner_id": partner.id,
                    "invoice_user_id": partner.user_id.id,
                    "invoice_date": date_from + timedelta(days=14),
                    "ref": "质量问题退货",
                    "invoice_line_ids": [
                        fields.Command.create(
                            {"name": "退货:镀锌钢管 DN50", "quantity": 2, "price_unit": base / 40}
                        )
                    ],
                }
            )
            (opening | sale | refund).action_post()
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=opening.ids
            ).create(
                {
                    "amount": base / 2,
                    "payment_date": date_from + timedelta(days=19),
                    "journal_id": bank.id,
                    "payment_difference_handling": "open",
                }
            )._create_payments()
        statements = self.with_context(sales_statement_no_pdf=True).generate_statements(
            date_from, date_to, partners
        )
        by_partner = {statement.partner_id: statement for statement in statements}
        states = ["draft", "sent", "disputed", "resolved", "confirmed", "done"]
        signature = DEMO_SIGNATURE
        for partner, state in zip(partners, states, strict=True):
            statement = by_partner.get(partner)
            if not statement or state == "draft":
                continue
            statement.action_send()
            if state in ("disputed", "resolved"):
                line = statement.line_ids.filtered(lambda line: line.document_type == "invoice")[
                    -1:
                ]
                statement._action_customer_dispute(
                    [
                        {
                            "statement_line_id": line.id,
                            "their_amount": line.debit - 100.0,
                            "reason": "我方记录的单价比贵方低5元,请核实。",
                        }
                    ]
                )
            if state == "resolved":
                statement.discrepancy_ids.write(
                    {
                        "reason_category": "price",
                        "responsible_side": "customer",
                        "resolution": "经核对合同单价无误,客户已更正其账面记录。",
                    }
                )
                statement.discrepancy_ids.action_resolve()
                statement.action_resolve()
            if state in ("confirmed", "done"):
                statement._action_customer_confirm("财务部 张会计", signature)
            if state == "done":
                statement.action_handover()
