from odoo import fields, models


class SalesContractTerminateWizard(models.TransientModel):
    _name = "sales.contract.terminate.wizard"
    _description = "Terminate Contract"

    contract_id = fields.Many2one("sales.contract", required=True, readonly=True)
    reason = fields.Text("Termination Reason", required=True)
    date = fields.Date("Termination Date", required=True, default=fields.Date.context_today)

    def action_confirm(self):
        """Request the termination: the contract ends once the request is approved."""
        self.ensure_one()
        change = self.env["sales.contract.change"].create(
            {
                "contract_id": self.contract_id.id,
                "change_type": "termination",
                "date": self.date,
                "reason": self.reason,
                "content": self.env._("Termination of contract %s", self.contract_id.name),
            }
        )
        self.contract_id.message_post(body=self.env._("Termination requested: %s", change.reason))
        return {"type": "ir.actions.act_window_close"}
