from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.customer_archive.models.retention_target_mixin import OPEN_INVOICE_DOMAIN
from odoo.addons.record_retention.models.retention_destruction import destruction_allowed


class SalesLedgerPeriod(models.Model):
    """Monthly sales ledger (销货台账). Finance generates and submits the month; its review
    (审核) runs on the approval engine: the company's configured reviewer (the department
    head), or a sales manager when none is configured, approves it with his opinion and the
    month is locked, or rejects it and the month reopens (tier definitions in
    data/tier_definition_data.xml)."""

    _name = "sales.ledger.period"
    _description = "Monthly Sales Ledger"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "workflow.guard.mixin",
        "tier.validation",
        "retention.target.mixin",
    )
    _order = "date_from desc, id desc"
    _state_from = ["submitted"]
    _state_to = ["locked"]
    _tier_validation_manual_config = False
    # Whoever submitted the month does not review it.
    _tier_owner_fields = ("submitted_by_id",)
    _workflow_fields = (
        "state",
        "validation_status",
        "line_ids",
        "anomaly_ids",
        "generated_date",
        "submitted_by_id",
        "submitted_date",
        "locked_by_id",
        "locked_date",
    )
    _workflow_frozen_fields = ("company_id", "date_from", "date_to", "review_note")
    _workflow_frozen_states = ("locked",)
    # Seed 000: the ledger is destroyed after 5 years, by finance, once backed up.
    _retention_actions = ("delete",)

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        "From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        "To",
        required=True,
        compute="_compute_date_to",
        store=True,
        readonly=False,
        precompute=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("submitted", "Submitted"), ("locked", "Reviewed and Locked")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many("sales.ledger.line", "period_id", "Lines", readonly=True)
    anomaly_ids = fields.One2many("sales.ledger.anomaly", "period_id", "Anomalies", readonly=True)
    line_count = fields.Integer(compute="_compute_totals")
    late_entry_count = fields.Integer(compute="_compute_totals")
    amount_untaxed = fields.Monetary("Untaxed Amount", compute="_compute_totals")
    amount_tax = fields.Monetary("Tax", compute="_compute_totals")
    amount_total = fields.Monetary("Total", compute="_compute_totals")
    blocking_anomaly_count = fields.Integer(
        "Open Blocking Anomalies", compute="_compute_anomaly_counts"
    )
    anomaly_count = fields.Integer(compute="_compute_anomaly_counts")
    generated_date = fields.Datetime(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    locked_by_id = fields.Many2one("res.users", "Reviewed By", readonly=True, copy=False)
    locked_date = fields.Datetime("Reviewed On", readonly=True, copy=False)
    review_note = fields.Text(
        "Review Opinion", help="The opinion of the reviewer who approved the month."
    )
    reviewer_id = fields.Many2one(
        related="company_id.sales_ledger_reviewer_id",
        string="Reviewer",
        help="The department head who reviews the month (company setting); a sales manager "
        "when none is set.",
    )

    _sql_constraints = (
        (
            "company_month_uniq",
            "UNIQUE(company_id, date_from)",
            "There is already a sales ledger for this month.",
        ),
    )

    @api.depends("date_from")
    def _compute_name(self):
        for period in self:
            period.name = period.date_from and period.date_from.strftime("%Y-%m")

    @api.depends("date_from")
    def _compute_date_to(self):
        for period in self:
            if period.date_from:
                period.date_to = period.date_from + relativedelta(day=31)

    @api.constrains("date_from", "date_to")
    def _check_month(self):
        for period in self:
            if period.date_from.day != 1 or period.date_to != period.date_from + relativedelta(
                day=31
            ):
                raise ValidationError(
                    self.env._("A sales ledger period covers exactly one calendar month.")
                )

    def _compute_totals(self):
        groups = self.env["sales.ledger.line"]._read_group(
            [("period_id", "in", self.ids)],
            ["period_id"],
            [
                "__count",
                "amount_untaxed:sum",
                "amount_tax:sum",
                "amount_total:sum",
            ],
        )
        late = dict(
            self.env["sales.ledger.line"]._read_group(
                [("period_id", "in", self.ids), ("is_late_entry", "=", True)],
                ["period_id"],
                ["__count"],
            )
        )
        totals = {period: values for period, *values in groups}
        for period in self:
            count, untaxed, tax, total = totals.get(period, (0, 0.0, 0.0, 0.0))
            period.line_count = count
            period.amount_untaxed = untaxed
            period.amount_tax = tax
            period.amount_total = total
            period.late_entry_count = late.get(period, 0)

    def _compute_anomaly_counts(self):
        groups = self.env["sales.ledger.anomaly"]._read_group(
            [("period_id", "in", self.ids)],
            ["period_id", "blocking", "accepted"],
            ["__count"],
        )
        counts = {}
        for period, blocking, accepted, count in groups:
            total, open_blocking = counts.get(period, (0, 0))
            counts[period] = (
                total + count,
                open_blocking + (count if blocking and not accepted else 0),
            )
        for period in self:
            period.anomaly_count, period.blocking_anomaly_count = counts.get(period, (0, 0))

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        for period in periods:
            later_locked = self.search_count(
                [
                    ("company_id", "=", period.company_id.id),
                    ("state", "=", "locked"),
                    ("date_from", ">", period.date_from),
                    ("date_from", "<", period._year_bounds()[1]),
                ],
                limit=1,
            )
            if later_locked:
                raise UserError(
                    self.env._(
                        "A later month of %(year)s is already reviewed and locked: the "
                        "ledger numbers of %(month)s would come after its own. Enter its "
                        "documents as late entries of the next open month instead.",
                        year=period.date_from.year,
                        month=period.name,
                    )
                )
            self.env["sales.ledger.year"]._ensure(period.company_id, period.date_from.year)
        return periods

    def _year_bounds(self):
        self.ensure_one()
        start = self.date_from.replace(month=1, day=1)
        return start, start + relativedelta(years=1)

    def _missing_earlier_months(self):
        """First days of the months of the year before this one that have no period, from
        January (or from the company's first sales ledger, when it began this year)."""
        self.ensure_one()
        first = self.search(
            [("company_id", "=", self.company_id.id)], order="date_from", limit=1
        ).date_from
        start = max(self._year_bounds()[0], first or self.date_from)
        existing = set(
            self.search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date_from", ">=", start),
                    ("date_from", "<", self.date_from),
                ]
            ).mapped("date_from")
        )
        months = []
        month = start
        while month < self.date_from:
            if month not in existing:
                months.append(month)
            month += relativedelta(months=1)
        return months

    def _lock_years(self):
        """Take the numbering lock of every company and year of ``self`` (see
        ``sales.ledger.year``)."""
        Year = self.env["sales.ledger.year"]
        for company, year in sorted(
            {(period.company_id, period.date_from.year) for period in self},
            key=lambda key: (key[0].id, key[1]),
        ):
            Year._lock(company, year)

    def write(self, vals):
        # A locked month never reopens, whoever asks (superuser and workflow included).
        if (
            "state" in vals
            and vals["state"] != "locked"
            and any(period.state == "locked" for period in self)
        ):
            raise UserError(self.env._("A reviewed and locked sales ledger month never reopens."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if destruction_allowed(self):
            return
        if any(period.state == "locked" for period in self):
            raise UserError(self.env._("A locked sales ledger period cannot be deleted."))

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Open balance: an invoice of the month is not settled"),
                [("line_ids", "any", [("move_id", "any", OPEN_INVOICE_DOMAIN)])],
            )
        ]

    # ------------------------------------------------------------------ generation
    def _check_is_reviewer(self):
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise AccessError(
                self.env._("Only the department head (sales manager) reviews the sales ledger.")
            )

    def action_generate_lines(self):
        """(Re)build the lines of open periods from posted customer invoices and credit notes.

        The months of the year before a generated one that have no period yet are created
        and generated with it: ledger numbers run through the year, month after month.
        """
        # the generation writes in SQL: whoever may not write the months may not generate
        self.check_access("write")
        self._lock_years()
        missing = [
            {"company_id": period.company_id.id, "date_from": month}
            for period in self
            for month in period._missing_earlier_months()
        ]
        if missing:
            unique = list(
                {(vals["company_id"], vals["date_from"]): vals for vals in missing}.values()
            )
            self |= self.create(unique)
        for period in self:
            if period.state != "open":
                raise UserError(
                    self.env._(
                        "Sales ledger %s is not open; only open periods can be regenerated.",
                        period.name,
                    )
                )
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["sale.order"].flush_model(["contract_id", "team_id"])
        self.env["res.partner"].flush_model(["archive_state", "sales_region_id", "phone", "mobile"])
        self.env["product.product"].flush_model(["default_code", "standard_price"])
        self.env["product.template"].flush_model(["sales_specification", "list_price"])
        self.flush_model()
        self.env["sales.ledger.document"].flush_model()
        self.env["sales.ledger.line"].flush_model()
        self.env["sales.ledger.anomaly"].flush_model()
        for period in self.sorted("date_from"):
            later = period._later_months()
            period._generate_lines(later)
            period._renumber_later_months(later)
        years = {}
        for period in self:
            years.setdefault((period.company_id, period.date_from.year), period)
        for period in years.values():
            period._store_last_number()
        for period in self:
            period._detect_anomalies()
        # in SQL as the lines: an open month is not under review, nothing else to check
        self.env.cr.execute(
            SQL(
                "UPDATE sales_ledger_period SET generated_date = %s WHERE id IN %s",
                fields.Datetime.now(),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["generated_date"])
        self.env["sales.ledger.document"].invalidate_model()
        self.env["sales.ledger.line"].invalidate_model()
        self.env["sales.ledger.anomaly"].invalidate_model()
        self.invalidate_recordset(["line_ids", "anomaly_ids"])
        return True

    def _generate_extra_columns(self):
        """[(column of sales_ledger_line, SQL value over the invoice line ``aml`` and its
        sales order ``so``)] that an add-on fills in the same INSERT as the rest of the line
        (lots and delivery notes with stock): no query more per month."""
        return []

    def _generate_lines(self, later):
        """Insert the lines of the month, numbered after the earlier months of the year;
        ``later``: the later months, whose numbers are given back."""
        self.ensure_one()
        cr = self.env.cr
        extra = self._generate_extra_columns()
        cr.execute(SQL("DELETE FROM sales_ledger_anomaly WHERE period_id = %s", self.id))
        cr.execute(SQL("DELETE FROM sales_ledger_line WHERE period_id = %s", self.id))
        cr.execute(SQL("DELETE FROM sales_ledger_document WHERE period_id = %s", self.id))
        # Numbers are unique per company and year, checked row by row: the later months give
        # theirs back before this month takes its own (they are renumbered after it).
        cr.execute(
            SQL(
                """
            UPDATE sales_ledger_line
               SET ledger_number = NULL
             WHERE period_id IN %(later)s AND ledger_number IS NOT NULL
                """,
                later=tuple(later.ids) or (0,),
            )
        )
        cr.execute(
            SQL(
                """
            -- the month's invoice lines and its late entries, selected first (by date, the
            -- late entries apart) then joined: the plan stays linear even on tables without
            -- statistics, right after a load
            WITH aml AS MATERIALIZED (
                SELECT m.id, m.company_id, m.date, m.move_id, m.name, m.product_id,
                       m.product_uom_id, m.quantity, m.balance, m.price_subtotal, m.price_total
                  FROM account_move_line m
                 WHERE m.company_id = %(company)s
                   AND m.date BETWEEN %(date_from)s AND %(date_to)s
                   AND m.parent_state = 'posted'
                   AND m.display_type = 'product'
                UNION ALL
                SELECT m.id, m.company_id, m.date, m.move_id, m.name, m.product_id,
                       m.product_uom_id, m.quantity, m.balance, m.price_subtotal, m.price_total
                  FROM account_move_line m
                 WHERE m.company_id = %(company)s
                   AND m.date < %(date_from)s
                   AND m.parent_state = 'posted'
                   AND m.display_type = 'product'
                   -- late entry: posted into a locked month after its review, taken by the
                   -- first open period following that month
                   AND EXISTS (SELECT 1 FROM sales_ledger_period locked
                                WHERE locked.company_id = m.company_id
                                  AND locked.state = 'locked'
                                  AND m.date BETWEEN locked.date_from AND locked.date_to)
                   AND NOT EXISTS (SELECT 1 FROM sales_ledger_period other
                                    WHERE other.company_id = m.company_id
                                      AND other.state != 'locked'
                                      AND other.date_to >= m.date
                                      AND other.date_from < %(date_from)s)
                   -- (the month's own lines are in no other period: it is open)
                   AND NOT EXISTS (SELECT 1 FROM sales_ledger_line done
                                    WHERE done.move_line_id = m.id)
            ), spec AS MATERIALIZED (
                -- the variant's attribute values of each product (e.g. "红色, XL"): once per
                -- product, not per line
                SELECT pvc.product_product_id AS product_id,
                       STRING_AGG(COALESCE(pav.name ->> %(lang)s, pav.name ->> 'en_US'),
                                  ', ' ORDER BY pa.sequence, pa.id) AS value
                  FROM product_variant_combination pvc
                  JOIN product_template_attribute_value ptav
                    ON ptav.id = pvc.product_template_attribute_value_id
                  JOIN product_attribute_value pav ON pav.id = ptav.product_attribute_value_id
                  JOIN product_attribute pa ON pa.id = pav.attribute_id
                 WHERE pvc.product_product_id IN (SELECT product_id FROM aml)
                 GROUP BY pvc.product_product_id
            ), documents AS (
                -- who bought, who sold and where: once per invoice, read by its lines
                INSERT INTO sales_ledger_document (
                    period_id, company_id, move_id, move_name, partner_id, contact_name,
                    contact_phone, user_id, region_id, team_id)
                SELECT %(period)s, am.company_id, am.id, am.name, am.commercial_partner_id,
                       contact.name,
                       COALESCE(contact.phone, contact.mobile, customer.phone, customer.mobile),
                       am.invoice_user_id, customer.sales_region_id,
                       -- the invoice's sales team, else its first sales order's
                       COALESCE(am.team_id, (
                            SELECT so.team_id
                              FROM account_move_line invoice_line
                              JOIN sale_order_line_invoice_rel rel
                                ON rel.invoice_line_id = invoice_line.id
                              JOIN sale_order_line sol ON sol.id = rel.order_line_id
                              JOIN sale_order so ON so.id = sol.order_id
                             WHERE invoice_line.move_id = am.id AND so.team_id IS NOT NULL
                             ORDER BY so.id
                             LIMIT 1))
                  FROM (SELECT DISTINCT move_id FROM aml) moves
                  JOIN account_move am ON am.id = moves.move_id
                  LEFT JOIN res_partner customer ON customer.id = am.commercial_partner_id
                  LEFT JOIN res_partner contact ON contact.id = am.partner_id
                 WHERE am.move_type IN ('out_invoice', 'out_refund')
             RETURNING id, move_id
            ), document_lines AS MATERIALIZED (
                -- the invoice lines with their document, looked up in one dictionary: the
                -- planner knows nothing of the documents just inserted, and a join could
                -- compare every line with each (materialized: the lines carry the number
                -- found, not the dictionary, through the sort)
                SELECT aml.*, (document_of.ids ->> aml.move_id::text)::integer AS document_id
                  FROM aml
                 CROSS JOIN (SELECT jsonb_object_agg(move_id::text, id) AS ids
                               FROM documents) document_of
            )
            INSERT INTO sales_ledger_line (
                period_id, company_id, ledger_year, date, move_line_id, move_name, document_id,
                product_id, product_code, specification, name, quantity, uom_name, price_unit,
                amount_untaxed, amount_tax,
                amount_total, sale_order_id, contract_id, is_late_entry,
                ledger_number%(extra_names)s)
            SELECT %(period)s, aml.company_id, %(year)s, aml.date, aml.id, am.name,
                   aml.document_id,
                   aml.product_id, pp.default_code,
                   COALESCE(NULLIF(pt.sales_specification, ''), spec.value), aml.name,
                   amounts.qty, COALESCE(uom.name ->> %(lang)s, uom.name ->> 'en_US'),
                   CASE WHEN amounts.qty = 0 THEN 0
                        ELSE ROUND(amounts.untaxed / amounts.qty, 6) END,
                   amounts.untaxed, amounts.total - amounts.untaxed, amounts.total,
                   so.id, so.contract_id, aml.date < %(date_from)s,
                   -- after the earlier months of the year: the month's documents by date,
                   -- then its late entries
                   (SELECT COALESCE(MAX(numbered.ledger_number), 0)
                      FROM sales_ledger_line numbered
                     WHERE numbered.company_id = %(company)s
                       AND numbered.ledger_year = %(year)s)
                   + ROW_NUMBER() OVER (
                         ORDER BY aml.date < %(date_from)s, aml.date, am.name, aml.id)
                   %(extra_values)s
              FROM document_lines aml
              JOIN account_move am ON am.id = aml.move_id
              CROSS JOIN LATERAL (
                    SELECT CASE WHEN am.move_type = 'out_refund'
                                THEN -aml.quantity ELSE aml.quantity END AS qty,
                           -aml.balance AS untaxed,
                           ROUND(CASE WHEN COALESCE(aml.price_subtotal, 0) = 0 THEN -aml.balance
                                      ELSE -aml.balance * aml.price_total / aml.price_subtotal
                                 END, 2) AS total
              ) amounts
              -- the sales order of the invoice line (an index lookup per line: joining a CTE of
              -- 50,000 invoiced order lines would be a nested loop over it without statistics)
              LEFT JOIN LATERAL (
                    SELECT MIN(sol.order_id) AS order_id
                      FROM sale_order_line_invoice_rel rel
                      JOIN sale_order_line sol ON sol.id = rel.order_line_id
                     WHERE rel.invoice_line_id = aml.id
              ) link ON TRUE
              LEFT JOIN sale_order so ON so.id = link.order_id
              LEFT JOIN product_product pp ON pp.id = aml.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
              LEFT JOIN spec ON spec.product_id = aml.product_id
              LEFT JOIN uom_uom uom ON uom.id = aml.product_uom_id
             WHERE am.move_type IN ('out_invoice', 'out_refund')
                """,
                period=self.id,
                company=self.company_id.id,
                date_from=self.date_from,
                date_to=self.date_to,
                year=self.date_from.year,
                extra_names=SQL("").join(
                    SQL(", %s", SQL.identifier(name)) for name, _value in extra
                ),
                extra_values=SQL("").join(SQL(", %s", value) for _name, value in extra),
                # the names in the ledger are in the company's language, whoever generates
                lang=self.company_id.partner_id.lang or self.env.lang or "en_US",
            )
        )

    def _later_months(self):
        """The other periods of the company later in the same year."""
        self.ensure_one()
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", ">", self.date_from),
                ("date_from", "<", self._year_bounds()[1]),
            ]
        )

    def _renumber_later_months(self, later):
        """Number the lines of the later months of the year after this one's, gap-free.

        Periods are locked in month order: the later months are never locked. The caller
        holds the lock of the year (``_lock_years``).
        """
        self.ensure_one()
        if not later:
            return
        self.env.cr.execute(
            SQL(
                """
            WITH base AS (
                SELECT COALESCE(MAX(l.ledger_number), 0) AS n
                  FROM sales_ledger_line l
                 WHERE l.company_id = %(company)s AND l.ledger_year = %(year)s
            ), ranked AS (
                SELECT l.id, ROW_NUMBER() OVER (
                           ORDER BY p.date_from, l.is_late_entry, l.date, l.move_name,
                                    l.move_line_id) AS rn
                  FROM sales_ledger_line l
                  JOIN sales_ledger_period p ON p.id = l.period_id
                 WHERE l.period_id IN %(later)s
            )
            UPDATE sales_ledger_line l
               SET ledger_number = base.n + ranked.rn
              FROM ranked, base
             WHERE l.id = ranked.id
                """,
                company=self.company_id.id,
                year=self.date_from.year,
                later=tuple(later.ids),
            )
        )

    def _store_last_number(self):
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                """
            UPDATE sales_ledger_year
               SET last_number = (SELECT COALESCE(MAX(l.ledger_number), 0)
                                    FROM sales_ledger_line l
                                   WHERE l.company_id = %(company)s
                                     AND l.ledger_year = %(year)s)
             WHERE company_id = %(company)s AND year = %(year)s
                """,
                company=self.company_id.id,
                year=self.date_from.year,
            )
        )

    def _detect_anomalies(self):
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                """
            WITH lines AS MATERIALIZED (
                SELECT l.id, l.document_id, document.move_id, document.partner_id,
                       document.user_id IS NULL AS no_salesperson, l.product_id, l.price_unit,
                       l.quantity, l.amount_untaxed,
                       COALESCE(aml.product_uom_id, 0) AS uom_key,
                       COALESCE(document.team_id, 0) AS team_key
                  FROM sales_ledger_line l
                  JOIN sales_ledger_document document ON document.id = l.document_id
                  LEFT JOIN account_move_line aml ON aml.id = l.move_line_id
                 WHERE l.period_id = %(period)s
            ), prices AS MATERIALIZED (
                -- the cost and the floor price of each product sold in the month, per unit
                -- and sales team: once per product, not per line
                SELECT keys.product_id, keys.uom_key, keys.team_key, prices.cost, prices.floor
                  FROM (SELECT DISTINCT product_id, uom_key, team_key
                          FROM lines
                         WHERE product_id IS NOT NULL AND quantity > 0) keys
                  JOIN product_product pp ON pp.id = keys.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  LEFT JOIN crm_team team ON team.id = keys.team_key
                  LEFT JOIN uom_uom line_uom ON line_uom.id = keys.uom_key
                  LEFT JOIN uom_uom product_uom ON product_uom.id = pt.uom_id
                 CROSS JOIN LATERAL (
                        -- prices of the product's unit, in the line's unit
                        SELECT COALESCE(product_uom.factor / NULLIF(line_uom.factor, 0), 1)
                                   AS ratio
                 ) unit
                 CROSS JOIN LATERAL (
                        SELECT COALESCE(SUM(ptav.price_extra), 0) AS extra
                          FROM product_variant_combination pvc
                          JOIN product_template_attribute_value ptav
                            ON ptav.id = pvc.product_template_attribute_value_id
                         WHERE pvc.product_product_id = pp.id
                 ) variant
                 CROSS JOIN LATERAL (
                        SELECT ROUND(COALESCE(
                                   (pp.standard_price ->> %(company_key)s)::numeric, 0)
                                   * unit.ratio, 6) AS cost,
                               -- the list price less the discount the line's sales team
                               -- grants without approval
                               ROUND((COALESCE(pt.list_price, 0) + variant.extra)
                                     * (1 - COALESCE(team.quotation_discount_limit, 0)
                                            / 100.0)
                                     * unit.ratio, 6) AS floor
                 ) prices
            ), documents AS MATERIALIZED (
                -- the invoices of the month (the salesperson is the invoice's): checked once
                -- per invoice, not per line
                SELECT MIN(l.id) AS line_id, l.move_id, l.partner_id,
                       BOOL_OR(l.no_salesperson) AS no_salesperson
                  FROM lines l
                 GROUP BY l.document_id, l.move_id, l.partner_id
            ), price_book AS MATERIALIZED (
                -- the same prices as one dictionary that each line looks up: the lines were
                -- just inserted and the planner's statistics do not know them yet (one line
                -- estimated), so a join could compare every line with every product
                SELECT jsonb_object_agg(concat_ws(':', product_id, uom_key, team_key),
                                        jsonb_build_array(cost, floor)) AS prices
                  FROM prices
            )
            INSERT INTO sales_ledger_anomaly (
                period_id, company_id, anomaly_type, blocking, line_id, move_id, partner_id,
                product_id, accepted, create_uid, create_date, write_uid, write_date)
            SELECT %(period)s, %(company)s, found.anomaly_type, found.blocking, found.line_id,
                   found.move_id, found.partner_id, found.product_id, FALSE,
                   %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
              FROM (
                    SELECT 'no_salesperson' AS anomaly_type, TRUE AS blocking, d.line_id,
                           d.move_id, d.partner_id, NULL::integer AS product_id
                      FROM documents d
                     WHERE d.no_salesperson
                    UNION ALL
                    SELECT 'unapproved_customer', TRUE, d.line_id, d.move_id, d.partner_id, NULL
                      FROM documents d
                      JOIN res_partner rp ON rp.id = d.partner_id
                     WHERE rp.archive_state != 'approved'
                    UNION ALL
                    SELECT CASE WHEN l.price_unit < p.cost THEN 'below_cost'
                                ELSE 'below_floor' END,
                           TRUE, l.id, l.move_id, l.partner_id, l.product_id
                      FROM lines l
                     CROSS JOIN price_book book
                     CROSS JOIN LATERAL (
                            SELECT (price ->> 0)::numeric AS cost, (price ->> 1)::numeric AS floor
                              FROM (SELECT book.prices -> concat_ws(':', l.product_id, l.uom_key,
                                                                    l.team_key) AS price) found
                     ) p
                     WHERE l.quantity > 0
                       AND (l.price_unit < p.cost OR l.price_unit < p.floor)
                    UNION ALL
                    -- invoices dated in a month that has no sales ledger period (since the
                    -- company's first one): in no ledger at all until that month exists
                    SELECT 'no_period', TRUE, NULL, am.id, am.commercial_partner_id, NULL
                      FROM account_move am
                     WHERE am.company_id = %(company)s
                       AND am.state = 'posted'
                       AND am.move_type IN ('out_invoice', 'out_refund')
                       AND am.date < %(date_from)s
                       AND am.date >= (SELECT MIN(first.date_from) FROM sales_ledger_period first
                                        WHERE first.company_id = %(company)s)
                       AND NOT EXISTS (SELECT 1 FROM sales_ledger_period other
                                        WHERE other.company_id = am.company_id
                                          AND am.date BETWEEN other.date_from AND other.date_to)
                    UNION ALL
                    SELECT 'negative_line', FALSE, l.id, l.move_id, l.partner_id, l.product_id
                      FROM lines l
                      JOIN account_move am ON am.id = l.move_id
                     WHERE l.amount_untaxed < 0 AND am.move_type = 'out_invoice'
              ) found
                """,
                period=self.id,
                company=self.company_id.id,
                company_key=str(self.company_id.id),
                date_from=self.date_from,
                uid=self.env.uid,
            )
        )

    # ------------------------------------------------------------------ review
    def action_submit(self):
        for period in self:
            if period.state != "open":
                raise UserError(self.env._("Only open sales ledgers can be submitted."))
            if period.blocking_anomaly_count:
                raise UserError(
                    self.env._(
                        "Sales ledger %(name)s still has %(count)s blocking anomalies. Correct "
                        "the documents and regenerate, or let the reviewer accept them.",
                        name=period.name,
                        count=period.blocking_anomaly_count,
                    )
                )
        with self._workflow_pass():
            self.write(
                {
                    "state": "submitted",
                    "submitted_by_id": self.env.uid,
                    "submitted_date": fields.Datetime.now(),
                }
            )
        # the review: the configured reviewer (or a sales manager) approves or sends back
        self._tier_submit()
        return True

    def action_accept_anomalies(self, explanation=None):
        """Accept the open blocking anomalies with one written explanation (asked by a form
        when the button is clicked)."""
        self._check_is_reviewer()
        anomalies = self.anomaly_ids.filtered(
            lambda anomaly: anomaly.blocking and not anomaly.accepted
        )
        return anomalies.action_accept(explanation)

    def _get_tier_validation_readonly_domain(self):
        return "state == 'submitted'"

    def _tier_rejected(self):
        """Sent back: the month reopens for corrections (the opinion is in the chatter)."""
        self._tier_write({"state": "open"})

    def _tier_approved(self):
        """Reviewed: lock the month, in month order (ledger numbers run through the year)."""
        self._lock_years()
        for period in self.sorted("date_from"):
            earlier_open = self.search_count(
                [
                    ("company_id", "=", period.company_id.id),
                    ("state", "!=", "locked"),
                    ("date_from", ">=", period.date_from.replace(month=1)),
                    ("date_from", "<", period.date_from),
                ]
            )
            if earlier_open or period._missing_earlier_months():
                raise UserError(
                    self.env._(
                        "Lock the earlier months of %s first: ledger numbers run through the year.",
                        period.date_from.year,
                    )
                )
            approval = period._tier_approver_vals()
            last = period._tier_last_review()
            period._tier_write(
                {
                    "state": "locked",
                    "locked_by_id": approval["approver_id"],
                    "locked_date": approval["approval_date"],
                    "review_note": last.comment or period.review_note,
                }
            )

    @api.model
    def _cron_month_end(self, days_before_end=3):
        """Open the month of each company on its first day (with the missing earlier months
        of the year), and remind the company's reviewer, once, in the last days of the
        month to complete the month's ledger (每月月底完成归档)."""
        today = fields.Date.context_today(self)
        month = today.replace(day=1)
        for company in self.env["res.company"].search([]):
            period = self.search([("company_id", "=", company.id), ("date_from", "=", month)])
            if not period:
                period = self.create({"company_id": company.id, "date_from": month})
                missing = period._missing_earlier_months()
                if missing:
                    self.create(
                        [{"company_id": company.id, "date_from": first} for first in missing]
                    )
            reviewer = company.sales_ledger_reviewer_id
            if (
                reviewer
                and period.state != "locked"
                and today >= period.date_to - relativedelta(days=days_before_end)
                and reviewer not in period.activity_ids.user_id
            ):
                period.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=period.date_to,
                    summary=self.env._("Complete the sales ledger of %s", period.name),
                    note=self.env._(
                        "Generate the lines, clear the pre-review checks, then review and "
                        "lock the month before its end."
                    ),
                    user_id=reviewer.id,
                )

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_ledger.sales_ledger_line_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {}
        return action
