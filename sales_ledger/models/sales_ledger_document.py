from odoo import fields, models


class SalesLedgerDocument(models.Model):
    """An invoice or credit note as the month's sales ledger recorded it: who bought, who
    sold and where. Its lines read these from it, so that each of a month's 50,000 lines
    carries one foreign key here instead of four (customer, salesperson, region, channel),
    each checked row by row when the month is generated."""

    _name = "sales.ledger.document"
    _description = "Sales Ledger Document"
    # written with the lines by the month's generation (see sales.ledger.line)
    _log_access = False
    _order = "period_id, id"
    _rec_name = "move_name"

    period_id = fields.Many2one(
        "sales.ledger.period", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    move_id = fields.Many2one("account.move", "Invoice", readonly=True)
    move_name = fields.Char("Document", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True, index=True)
    # The contact is kept as printed, like the invoice's number: the ledger is a record of
    # the month.
    contact_name = fields.Char(
        "Customer Contact", readonly=True, help="The invoice's contact, when generated."
    )
    contact_phone = fields.Char(
        readonly=True, help="Phone of the contact, else of the customer, when generated."
    )
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    region_id = fields.Many2one("sales.region", "Sales Region", readonly=True)
    team_id = fields.Many2one(
        "crm.team",
        "Sales Channel",
        readonly=True,
        help="The sales team of the invoice, else of its sales order.",
    )
