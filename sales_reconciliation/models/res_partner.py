from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .sales_receivable_engine import SALES_MOVE_TYPES
from .sales_statement import PERIOD_TYPES

# Payment behaviour is per commercial entity: a branch keeps a credit file of its own.
PAYMENT_KEY = "commercial_partner_id"

# Payment behaviour (付款记录) is for sales managers and finance.
PAYMENT_READERS = "sales_team.group_sale_manager,account.group_account_invoice"


class ResPartner(models.Model):
    _inherit = "res.partner"

    statement_period = fields.Selection(
        [period for period in PERIOD_TYPES if period[0] != "custom"],
        default="monthly",
        tracking=True,
        help="How often the customer receives a statement besides the year-end statement "
        "everyone receives: monthly by default, quarterly or only yearly on request. "
        "Monthly-settlement customers receive one every month whatever this says.",
    )
    consolidate_statements = fields.Boolean(
        "Consolidated Statements",
        tracking=True,
        help="A head office receives one statement for itself and its branches (合并对账).",
    )
    statement_partner_id = fields.Many2one(
        "res.partner",
        "Statement Customer",
        compute="_compute_statement_partner_id",
        store=True,
        index=True,
        help="The customer whose statement includes this partner's documents: its head "
        "office when that consolidates the statements of its branches.",
    )
    accounting_contact_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', id)]",
        tracking=True,
        help="The contact of the customer's finance department who receives the statements. "
        "Without one, the statements go to the invoice addresses of the customer.",
    )
    statement_ids = fields.One2many("sales.statement", "partner_id", "Statements")
    statement_count = fields.Integer(compute="_compute_statement_count")
    credit_override_ids = fields.One2many("sales.credit.override", "partner_id")
    credit_grade_suggested = fields.Selection(
        selection=lambda self: self.env["res.partner"]._fields["credit_grade"].selection,
        string="Suggested Credit Grade",
        compute="_compute_credit_grade_suggested",
        groups=PAYMENT_READERS,
        help="From the last 12 months of payments: share of invoices paid late, average "
        "days late and amount overdue more than 90 days.",
    )
    payment_late_share = fields.Float(
        "Invoices Paid Late (%)",
        compute="_compute_credit_grade_suggested",
        digits=(16, 1),
        groups=PAYMENT_READERS,
    )
    payment_avg_days_late = fields.Float(
        "Average Days Late",
        compute="_compute_credit_grade_suggested",
        digits=(16, 1),
        groups=PAYMENT_READERS,
    )
    amount_overdue_90 = fields.Monetary(
        "Overdue > 90 Days",
        compute="_compute_credit_grade_suggested",
        currency_field="company_currency_id",
        groups=PAYMENT_READERS,
    )
    company_currency_id = fields.Many2one("res.currency", compute="_compute_company_currency_id")

    def _compute_company_currency_id(self):
        for partner in self:
            partner.company_currency_id = self.env.company.currency_id

    @api.depends(
        "commercial_partner_id.head_office_id.consolidate_statements",
        "commercial_partner_id.head_office_id",
    )
    def _compute_statement_partner_id(self):
        for partner in self:
            head = partner.commercial_partner_id.head_office_id
            partner.statement_partner_id = (
                head if head.consolidate_statements else partner.commercial_partner_id
            )

    def _statement_recipients(self):
        """Who receives the customer's statements by e-mail: its accounting contact, else
        its invoice addresses (contacts of type Invoice Address), else the customer itself
        — those of them with an e-mail address; none when nobody has one."""
        self.ensure_one()
        contact = self.accounting_contact_id
        if contact.email:
            return contact
        invoice_addresses = self.child_ids.filtered(lambda c: c.type == "invoice" and c.email)
        if invoice_addresses:
            return invoice_addresses
        return self if self.email else self.browse()

    def _compute_statement_count(self):
        counts = dict(
            self.env["sales.statement"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.statement_count = counts.get(partner.commercial_partner_id, 0)

    @api.model
    def _payment_behaviour(self, partner_ids, company, today):
        """One grouped query over the receivables of the customer invoices (receivables
        engine) of the last 12 months: {commercial partner id: (invoice count, late
        count, average days late, overdue > 90 days)}."""
        engine = self.env["sales.receivable.engine"]
        engine._flush_receivables()
        query = SQL(
            """
            WITH inv AS (
                SELECT %(partner)s AS partner_id, aml.date_maturity AS due,
                       aml.amount_residual AS residual, aml.date,
                       (SELECT MAX(apr.max_date) FROM account_partial_reconcile apr
                         WHERE apr.debit_move_id = aml.id) AS paid_on
                  FROM %(items)s
                  JOIN account_move m ON m.id = aml.move_id
                 WHERE %(where)s AND aml.balance > 0 AND m.move_type IN %(sales)s
            ), days AS (
                SELECT partner_id, date, residual, due,
                       GREATEST(0, CASE
                           WHEN residual > 0 THEN %(today)s - due
                           ELSE COALESCE(paid_on, due) - due END) AS late
                  FROM inv
            )
            SELECT partner_id,
                   COUNT(*) FILTER (WHERE date >= %(since)s),
                   COUNT(*) FILTER (WHERE date >= %(since)s AND late > 0),
                   COALESCE(AVG(late) FILTER (WHERE date >= %(since)s), 0),
                   COALESCE(SUM(residual) FILTER (WHERE residual > 0 AND %(today)s - due > 90), 0)
              FROM days
          GROUP BY partner_id
            """,
            partner=engine._receivable_partner(PAYMENT_KEY),
            items=engine._receivable_from(),
            where=engine._receivable_where(company, partner_ids, PAYMENT_KEY),
            sales=SALES_MOVE_TYPES,
            today=today,
            since=today - timedelta(days=365),
        )
        return {row[0]: row[1:] for row in self.env.execute_query(query)}

    @api.depends_context("company")
    def _compute_credit_grade_suggested(self):
        today = fields.Date.context_today(self)
        commercial = self.commercial_partner_id
        data = self._payment_behaviour(commercial.ids, self.env.company, today) if self.ids else {}
        for partner in self:
            count, late, avg_late, overdue_90 = data.get(
                partner.commercial_partner_id.id, (0, 0, 0.0, 0.0)
            )
            share = 100.0 * late / count if count else 0.0
            partner.payment_late_share = share
            partner.payment_avg_days_late = float(avg_late)
            partner.amount_overdue_90 = overdue_90
            if not count and not overdue_90:
                partner.credit_grade_suggested = False
            elif overdue_90 > 0 or share > 50 or avg_late > 60:
                partner.credit_grade_suggested = "C"
            elif share <= 10 and avg_late <= 5:
                partner.credit_grade_suggested = "A"
            else:
                partner.credit_grade_suggested = "B"

    def action_apply_credit_grade_suggested(self):
        """A sales manager applies the suggested grade (tracked in the chatter)."""
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only a sales manager applies credit grades."))
        for partner in self:
            if (
                partner.credit_grade_suggested
                and partner.credit_grade != partner.credit_grade_suggested
            ):
                partner.credit_grade = partner.credit_grade_suggested
        return True

    def action_request_credit_override(self):
        """The form of a new credit override for this customer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Override"),
            "res_model": "sales.credit.override",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_view_statements(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_reconciliation.sales_statement_action"
        )
        action["domain"] = [("partner_id", "in", self.commercial_partner_id.ids)]
        action["context"] = {"default_partner_id": self.commercial_partner_id[:1].id}
        return action
