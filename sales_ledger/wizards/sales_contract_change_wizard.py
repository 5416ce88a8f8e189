from odoo import fields, models


class SalesContractChangeWizard(models.TransientModel):
    _name = "sales.contract.change.wizard"
    _description = "Record a Contract Change"

    contract_id = fields.Many2one("sales.contract", required=True, readonly=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    amount_before = fields.Monetary(related="contract_id.amount", string="Current Amount")
    date = fields.Date("Change Date", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    content = fields.Text("Changed Content", required=True)
    amount_after = fields.Monetary(
        "New Amount", help="Leave empty when the change keeps the contract amount."
    )

    def action_confirm(self):
        self.ensure_one()
        change = self.env["sales.contract.change"].create(
            {
                "contract_id": self.contract_id.id,
                "date": self.date,
                "reason": self.reason,
                "content": self.content,
                "amount_before": self.contract_id.amount,
                "amount_after": self.amount_after,
            }
        )
        self.contract_id.message_post(body=self.env._("Change requested: %s", change.content))
        return {"type": "ir.actions.act_window_close"}
