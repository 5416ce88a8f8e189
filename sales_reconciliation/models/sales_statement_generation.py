import hashlib
import json
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.customer_archive.tools import bulk_insert, may_create

from .sales_receivable_engine import AGING_KEYS, RETURN_MOVE_TYPES, SALES_MOVE_TYPES
from .sales_statement import FIGURE_FIELDS

# Partners handled per query batch: the number of queries grows with the number of
# batches, never with the number of customers inside one batch.
BATCH_SIZE = 2000


class SalesStatementGeneration(models.Model):
    """The statements' figures computed from the books in a few set-based queries, and
    the generation of a period's statements for many customers at once (wizard and
    monthly run)."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Figures (set-based)
    # ------------------------------------------------------------------
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
        ``partner_ids`` is None), from the receivables engine and the orders delivered
        but not invoiced. Four queries per batch of partners.

        :return: {partner_id: {field: value, ..., "lines": [line values]}}
        """
        currency = company.currency_id
        engine = self.env["sales.receivable.engine"]
        totals = engine._totals(company, date_from, date_to, partner_ids)
        result = {}
        partner_list = sorted(totals)
        for start in range(0, len(partner_list), BATCH_SIZE):
            batch = partner_list[start : start + BATCH_SIZE]
            aging = engine._aging(company, date_to, batch)
            lines = engine._lines(company, date_from, date_to, batch)
            uninvoiced = self._query_uninvoiced(company, batch)
            for partner_id in batch:
                figures = dict(totals[partner_id])
                figures["amount_uninvoiced"] = currency.round(uninvoiced.get(partner_id) or 0.0)
                buckets = aging.get(partner_id, {})
                for key in AGING_KEYS:
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
            # a credit note is a return, never money received
            refund = move_type in RETURN_MOVE_TYPES
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
                        if refund
                        else "payment"
                        if move_type == "entry"
                        else "other"
                    ),
                    "order_ref": origin,
                    "description": description,
                    "quantity": quantity or 0.0,
                    "debit": 0.0 if refund else max(balance, 0.0),
                    "amount_returns": -balance if refund else 0.0,
                    "credit": 0.0 if refund else max(-balance, 0.0),
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
        # returns counted with the credits, as before they had their column: the
        # statements made before keep their fingerprint
        payload["lines"] = [
            [
                line["move_line_id"],
                line["debit"],
                line["credit"] + line["amount_returns"],
                line["outstanding"],
            ]
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
        return self._generate_statements(date_from, date_to, partners)["statements"]

    @api.model
    def _generate_statements(self, date_from, date_to, partners=None):
        """``generate_statements``, telling what it did: a dict of the ``statements``
        of the period and, among them, those ``created``, the drafts ``refreshed``, the
        sent ones ``reissued`` under a new revision; ``skipped``: how many customers'
        statements the user may not make (another salesperson's, all customers asked)."""
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
        result = self.sudo()._store_figures(company, date_from, date_to, figures_by_partner)
        result = {key: records.sudo(False) for key, records in result.items()}
        result["skipped"] = len(refused)
        return result

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
        return {
            "statements": existing | created,
            "created": created,
            "refreshed": refreshed - reissued,
            "reissued": reissued,
        }

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
        """Monthly run (first days of the month) for the month just ended, as regulation
        002 sets the periods (对账周期): every customer with activity or a balance gets
        the monthly statement, except those set to a quarterly or yearly period and not
        on monthly settlement, who get theirs when their quarter ends; in December every
        customer also gets the year-end statement. Individuals and archived customers
        with a balance are included."""
        today = fields.Date.context_today(self)
        month_end = today.replace(day=1) - timedelta(days=1)
        month_start = month_end.replace(day=1)
        Partner = self.env["res.partner"].with_context(active_test=False)
        # customers, companies or individuals: whoever is his own commercial entity
        customers = ["|", ("is_company", "=", True), ("parent_id", "=", False)]
        for company in self.env["res.company"].search([]):
            statements = self.with_company(company)
            partners = Partner.with_company(company)
            not_monthly = partners.search(
                [
                    *customers,
                    ("statement_period", "in", ("quarterly", "yearly")),
                    ("settlement_method", "!=", "monthly"),
                ]
            )
            statements.generate_statements(
                month_start,
                month_end,
                partners.search([*customers, ("statement_partner_id", "not in", not_monthly.ids)]),
            )
            quarterly = not_monthly.filtered(lambda p: p.statement_period == "quarterly")
            if month_end.month % 3 == 0 and quarterly:
                statements.generate_statements(
                    month_start - relativedelta(months=2), month_end, quarterly
                )
            if month_end.month == 12:
                statements.generate_statements(month_end.replace(month=1, day=1), month_end)
