from odoo import api, fields, models


class SalesStatementReplyWizardLine(models.TransientModel):
    _name = "sales.statement.reply.wizard.line"
    _description = "Disputed Amount of a Statement Reply"

    wizard_id = fields.Many2one("sales.statement.reply.wizard", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    statement_id = fields.Many2one(related="wizard_id.statement_id")
    statement_line_id = fields.Many2one(
        "sales.statement.line", "Line", domain="[('statement_id', '=', statement_id)]"
    )
    document = fields.Char()
    their_amount = fields.Monetary("Customer's Amount")
    reason = fields.Text("Customer's Explanation")

    @api.onchange("statement_line_id")
    def _onchange_statement_line_id(self):
        for line in self:
            if line.statement_line_id and not line.document:
                line.document = line.statement_line_id.document
