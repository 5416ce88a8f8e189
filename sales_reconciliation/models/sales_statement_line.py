from odoo import api, fields, models

from odoo.addons.record_retention.models.workflow_guard import workflow_allowed, workflow_refuse


class SalesStatementLine(models.Model):
    _name = "sales.statement.line"
    _inherit = ["workflow.guard.mixin"]
    _description = "Customer Statement Line"
    _order = "statement_id, sequence, id"

    statement_id = fields.Many2one("sales.statement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    sequence = fields.Integer(default=10)
    move_line_id = fields.Many2one("account.move.line", "Journal Item", index="btree_not_null")
    move_id = fields.Many2one("account.move", "Journal Entry")
    date = fields.Date(required=True)
    document = fields.Char()
    document_type = fields.Selection(
        [
            ("invoice", "Invoice"),
            ("refund", "Credit Note"),
            ("payment", "Payment"),
            ("other", "Other"),
        ],
        "Type",
    )
    order_ref = fields.Char("Order Reference")
    description = fields.Char()
    quantity = fields.Float(digits="Product Unit of Measure")
    debit = fields.Monetary("Amount", help="Amount invoiced (debit).")
    amount_returns = fields.Monetary("Returns", help="Amount credited by a credit note.")
    credit = fields.Monetary("Received", help="Amount received or otherwise credited (credit).")
    net_amount = fields.Monetary(
        compute="_compute_net_amount", help="Amount - returns - received: what the line adds."
    )
    running_balance = fields.Monetary("Balance")
    outstanding = fields.Monetary(help="Part of this item still open at the end of the period.")
    date_maturity = fields.Date("Due Date")
    days_overdue = fields.Integer()
    foreign_currency_id = fields.Many2one("res.currency", "Document Currency")
    amount_currency = fields.Monetary(
        "Amount in Document Currency", currency_field="foreign_currency_id"
    )

    @api.depends("debit", "amount_returns", "credit")
    def _compute_net_amount(self):
        for line in self:
            line.net_amount = line.debit - line.amount_returns - line.credit

    def _workflow_guarded_fields(self, vals, create=False):
        # Copies of the books, written by the statement's generation only.
        return sorted(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_generation(self):
        if not workflow_allowed(self):
            workflow_refuse(self, ["statement_id"])
