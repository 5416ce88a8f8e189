from odoo import fields, models


class CustomerComplaintEscalateWizard(models.TransientModel):
    """Why a complaint the account manager cannot settle goes up (regulation 004)."""

    _name = "customer.complaint.escalate.wizard"
    _description = "Escalate Complaint"

    complaint_ids = fields.Many2many("customer.complaint", required=True)
    reason = fields.Text(required=True)

    def action_escalate(self):
        self.ensure_one()
        self.complaint_ids._escalate(self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
