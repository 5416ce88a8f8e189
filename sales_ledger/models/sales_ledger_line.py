from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesLedgerLine(models.Model):
    """A line of the monthly sales ledger, copied by the month's generation from a posted
    invoice line (in SQL, see ``sales.ledger.period._generate_lines``)."""

    _name = "sales.ledger.line"
    _description = "Sales Ledger Line"
    # Who generated the lines and when is the month's (generated_date, chatter): no log
    # columns, whose two foreign keys to the users would be checked for each of 50,000 rows.
    _log_access = False
    _order = "period_id, ledger_number, id"
    _rec_name = "ledger_number"

    period_id = fields.Many2one(
        "sales.ledger.period",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    # (searched by company through the unique index on company, year and number)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    ledger_number = fields.Integer(
        "Ledger No.", readonly=True, help="Gap-free number per company and year."
    )
    ledger_year = fields.Integer(
        readonly=True, help="Year of the numbering: the year of the period."
    )
    date = fields.Date(readonly=True, index=True)
    # (indexed by its unique constraint)
    move_line_id = fields.Many2one("account.move.line", "Invoice Line", readonly=True)
    # Read through the invoice line, a foreign key fewer to check for each of 50,000 lines;
    # its number is kept as printed, should the invoice line go (reset to draft and edited).
    move_id = fields.Many2one(related="move_line_id.move_id", string="Invoice")
    # (the document's number, on the line for the numbering's order)
    move_name = fields.Char("Document", readonly=True)
    move_type = fields.Selection(related="move_id.move_type", string="Document Type")
    # Who bought, who sold and where are the document's: one foreign key to check for each of
    # 50,000 lines instead of four.
    document_id = fields.Many2one(
        "sales.ledger.document",
        "Ledger Document",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    partner_id = fields.Many2one(related="document_id.partner_id")
    contact_name = fields.Char(related="document_id.contact_name")
    contact_phone = fields.Char(related="document_id.contact_phone")
    user_id = fields.Many2one(related="document_id.user_id")
    region_id = fields.Many2one(related="document_id.region_id")
    team_id = fields.Many2one(related="document_id.team_id")
    product_id = fields.Many2one("product.product", readonly=True)
    product_code = fields.Char(readonly=True)
    specification = fields.Char(
        "Specification / Model",
        readonly=True,
        help="规格/型号: the product's specification, else its variant's attribute values.",
    )
    name = fields.Char("Description", readonly=True)
    quantity = fields.Float(readonly=True, digits="Product Unit of Measure")
    uom_name = fields.Char("Unit", readonly=True, help="The invoice line's unit, when generated.")
    price_unit = fields.Float("Unit Price", readonly=True, digits="Product Price")
    amount_untaxed = fields.Monetary("Untaxed Amount", readonly=True)
    amount_tax = fields.Monetary("Tax", readonly=True)
    amount_total = fields.Monetary("Total", readonly=True)
    sale_order_id = fields.Many2one("sale.order", "Sales Order", readonly=True)
    contract_id = fields.Many2one("sales.contract", readonly=True)
    is_late_entry = fields.Boolean(readonly=True, help="Posted after its month was locked.")
    period_state = fields.Selection(related="period_id.state")

    _sql_constraints = (
        (
            "move_line_uniq",
            "UNIQUE(move_line_id)",
            "An invoice line appears in one sales ledger period only.",
        ),
        (
            "ledger_number_uniq",
            "UNIQUE(company_id, ledger_year, ledger_number)",
            "A ledger number is given once per company and year.",
        ),
    )

    @api.model_create_multi
    def create(self, vals_list):
        periods = self.env["sales.ledger.period"].browse(
            {vals.get("period_id") for vals in vals_list if vals.get("period_id")}
        )
        if any(period.state == "locked" for period in periods):
            raise UserError(self.env._("Lines of a locked sales ledger period cannot be changed."))
        return super().create(vals_list)

    def write(self, vals):
        periods = self.period_id | self.env["sales.ledger.period"].browse(vals.get("period_id"))
        if any(period.state == "locked" for period in periods):
            raise UserError(self.env._("Lines of a locked sales ledger period cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if any(line.period_id.state == "locked" for line in self):
            raise UserError(self.env._("Lines of a locked sales ledger period cannot be deleted."))
