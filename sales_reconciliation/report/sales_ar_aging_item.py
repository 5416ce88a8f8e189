from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class SalesArAgingItem(models.Model):
    """AR aging on screen (应收账款账龄): one row per receivable item still open today,
    with its residual in the company's currency in the bucket of its due date.

    The items, their residual and the buckets are those of the receivables engine, the
    customer is the one of the AR aging PDF/XLSX (the head office when it consolidates
    its branches' statements) and so is the salesperson: the customer's. Grouped by
    customer, the rows give the PDF's figures at today's date, which the list prints for
    the customers of its rows. Record rules: companies, a salesperson his customers'."""

    _name = "sales.ar.aging.item"
    _inherit = ["sales.aging.buckets.mixin"]  # noqa: RUF012
    _description = "AR Aging Item"
    _auto = False
    _order = "date_due, id"
    _rec_name = "move_id"
    _depends = {
        "account.move.line": [
            "parent_state",
            "company_id",
            "account_id",
            "partner_id",
            "move_id",
            "date",
            "date_maturity",
            "amount_residual",
            "reconciled",
        ],
        "account.move": ["invoice_date"],
        "account.account": ["account_type"],
        "account.partial.reconcile": [
            "debit_move_id",
            "credit_move_id",
            "amount",
            "max_date",
            "company_id",
        ],
        "res.partner": ["statement_partner_id", "commercial_partner_id", "user_id"],
        "res.users": ["sale_team_id"],
        "res.company": ["currency_id"],
    }

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        readonly=True,
        help="Whose receivable it is, as in the AR aging PDF: the head office when it "
        "consolidates the statements of its branches.",
    )
    commercial_partner_id = fields.Many2one(
        "res.partner",
        "Invoiced Customer",
        readonly=True,
        help="The commercial entity of the item's partner (a branch of a head office "
        "that consolidates the statements).",
    )
    user_id = fields.Many2one(
        "res.users", "Salesperson", readonly=True, help="The customer's salesperson."
    )
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        readonly=True,
        help="The main sales team of the customer's salesperson.",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    move_id = fields.Many2one("account.move", "Document", readonly=True)
    invoice_date = fields.Date(readonly=True)
    date_due = fields.Date(
        "Due Date",
        readonly=True,
        help="The due date of the item (its date when it has none): the date it is aged from.",
    )
    days_overdue = fields.Integer(
        readonly=True,
        aggregator="max",
        help="Days past the due date today (0 when not due). Grouped: the oldest.",
    )
    amount_residual = fields.Monetary(
        "Open Amount", readonly=True, help="Still open today, in the company's currency."
    )

    @property
    def _table_query(self):
        engine = self.env["sales.receivable.engine"]
        today = fields.Date.context_today(self)
        buckets = SQL(", ").join(
            SQL("CASE WHEN %s THEN open.residual ELSE 0 END AS %s", condition, SQL.identifier(key))
            for key, condition in engine._aging_conditions(today)
        )
        return SQL(
            """
            SELECT open.id, open.partner_id, open.commercial_partner_id, customer.user_id,
                   salesperson.sale_team_id AS team_id, open.company_id, company.currency_id,
                   open.move_id, move.invoice_date, %(due)s AS date_due,
                   GREATEST(%(days)s, 0) AS days_overdue, open.residual AS amount_residual,
                   %(buckets)s
              FROM (%(open)s) open
              JOIN res_partner customer ON customer.id = open.partner_id
         LEFT JOIN res_users salesperson ON salesperson.id = customer.user_id
              JOIN res_company company ON company.id = open.company_id
              JOIN account_move move ON move.id = open.move_id
             WHERE open.residual != 0
            """,
            due=engine._aging_due_date(),
            days=engine._aging_days(today),
            buckets=buckets,
            open=engine._open_items_query(None, today),
        )

    def action_open_document(self):
        """Drill-down: the invoice (or credit note, payment) of the item."""
        self.ensure_one()
        return self.move_id._get_records_action(name=self.move_id.display_name, context={})

    def _aging_wizard(self):
        """The AR aging wizard of today for the customers of the selected rows, or of the
        rows of the current search (``active_domain``) when none is selected."""
        items = self
        context = self.env.context
        if not items and context.get("active_model") == self._name:
            items = self.search(context.get("active_domain") or [])
        if not items:
            raise UserError(self.env._("There is no open item to print."))
        if len(items.company_id) > 1:
            raise UserError(
                self.env._("Print the AR aging of one company at a time: filter by company.")
            )
        return self.env["sales.ar.aging.wizard"].create(
            {
                "company_id": items.company_id.id,
                "partner_ids": [Command.set(items.partner_id.ids)],
            }
        )

    def action_print_pdf(self):
        return self._aging_wizard().action_pdf()

    def action_export_xlsx(self):
        return self._aging_wizard().action_xlsx()
