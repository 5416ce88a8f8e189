from odoo import fields, models


class SalesStatementRevision(models.Model):
    _name = "sales.statement.revision"
    _description = "Sent or Signed Version of a Statement"
    _order = "statement_id, id desc"

    statement_id = fields.Many2one("sales.statement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    revision = fields.Integer(required=True, readonly=True)
    kind = fields.Selection([("sent", "Sent"), ("signed", "Signed")], required=True, readonly=True)
    attachment_id = fields.Many2one("ir.attachment", "PDF", required=True, readonly=True)
    checksum = fields.Char("SHA-256", required=True, readonly=True)
    closing_balance = fields.Monetary(readonly=True)

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }
