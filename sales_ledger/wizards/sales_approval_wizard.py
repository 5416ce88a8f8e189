from odoo import fields, models


class SalesApprovalWizard(models.TransientModel):
    _name = "sales.approval.wizard"
    _description = "Approve or Reject"

    contract_id = fields.Many2one("sales.contract", readonly=True)
    order_id = fields.Many2one("sale.order", "Quotation", readonly=True)
    change_id = fields.Many2one("sales.contract.change", readonly=True)
    opinion = fields.Text()

    def _target(self):
        self.ensure_one()
        return self.change_id or self.order_id or self.contract_id

    def action_approve(self):
        target = self._target()
        if target._name == "sale.order":
            target.action_approve_quotation(self.opinion)
        else:
            target.action_approve(self.opinion)
        return {"type": "ir.actions.act_window_close"}

    def action_reject(self):
        target = self._target()
        if target._name == "sale.order":
            target.action_reject_quotation(self.opinion)
        else:
            target.action_reject(self.opinion)
        return {"type": "ir.actions.act_window_close"}
