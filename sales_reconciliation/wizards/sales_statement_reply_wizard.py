from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.sales_statement_reply import REPLY_CHANNELS


class SalesStatementReplyWizard(models.TransientModel):
    """Register the customer's answer to a statement received on paper, by fax or
    by e-mail (the stamped statement, 盖章回传), or agreed in the portal: the same
    confirmation or dispute as in the portal, with the scan as evidence."""

    _name = "sales.statement.reply.wizard"
    _description = "Register a Statement Reply"

    statement_id = fields.Many2one("sales.statement", required=True, readonly=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    result = fields.Selection(
        [("confirmed", "Confirmed"), ("disputed", "Disputed")],
        required=True,
        default="confirmed",
    )
    channel = fields.Selection(
        [choice for choice in REPLY_CHANNELS if choice[0] != "portal"],
        required=True,
        default="paper",
    )
    signer = fields.Char(help="Who signed or stamped the statement for the customer.")
    reply_date = fields.Date(required=True, default=fields.Date.context_today)
    scan = fields.Binary("Stamped Scan", help="The signed or stamped statement (PDF or image).")
    scan_filename = fields.Char()
    line_ids = fields.One2many("sales.statement.reply.wizard.line", "wizard_id", "Disputed Amounts")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "statement_id" in fields_list
            and not values.get("statement_id")
            and self.env.context.get("active_model") == "sales.statement"
        ):
            values["statement_id"] = self.env.context.get("active_id")
        return values

    def action_register(self):
        self.ensure_one()
        statement = self.statement_id
        statement.check_access("write")
        if self.result == "disputed" and not self.line_ids:
            raise UserError(self.env._("List the amounts the customer disputes."))
        scan = self.env["ir.attachment"]
        if self.scan:
            scan = scan.create(
                {
                    "name": self.scan_filename
                    or self.env._("%(number)s stamped.pdf", number=statement.name),
                    "datas": self.scan,
                    "res_model": statement._name,
                    "res_id": statement.id,
                }
            )
        reply = {"channel": self.channel, "date": self.reply_date, "scan": scan}
        author = self.env.user.partner_id
        if self.result == "confirmed":
            statement._action_customer_confirm(self.signer, None, author=author, reply=reply)
        else:
            statement._action_customer_dispute(
                [
                    {
                        "statement_line_id": line.statement_line_id.id,
                        "document": line.document,
                        "their_amount": line.their_amount,
                        "reason": line.reason,
                    }
                    for line in self.line_ids
                ],
                author=author,
                reply=reply,
            )
        statement.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_reply"],
            feedback=self.env._("Reply registered."),
        )
        return {"type": "ir.actions.act_window_close"}
