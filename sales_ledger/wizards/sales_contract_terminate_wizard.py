from odoo import fields, models


class SalesContractTerminateWizard(models.TransientModel):
    _name = "sales.contract.terminate.wizard"
    _description = "Terminate Contract"

    contract_id = fields.Many2one("sales.contract", required=True, readonly=True)
    reason = fields.Text("Termination Reason", required=True)
    date = fields.Date("Termination Date", required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.ensure_one()
        self.contract_id._terminate(self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}
