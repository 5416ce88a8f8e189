from odoo import api, fields, models

from odoo.addons.record_retention.models.workflow_guard import workflow_allowed, workflow_refuse


class CustomerServiceRegisterLine(models.Model):
    """A row of a signed customer service register (客户服务工作台账) as the supervisor
    signed it: written by the sign-off only, it keeps the printed register what was signed
    when the complaint changes afterwards."""

    _name = "customer.service.register.line"
    _inherit = ["workflow.guard.mixin"]
    _description = "Customer Service Register Line"
    _order = "register_id, sequence, id"

    register_id = fields.Many2one(
        "customer.service.register",
        "Customer Service Register",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="register_id.company_id", store=True)
    sequence = fields.Integer()
    complaint_id = fields.Many2one("customer.complaint", ondelete="set null")
    number = fields.Char("No.")
    received_at = fields.Datetime("Received On")
    customer = fields.Char()
    contact = fields.Char()
    reach = fields.Char("Contact Details")
    content = fields.Text("Complaint Content")
    process = fields.Text("Handling Process")
    result = fields.Text()
    satisfaction = fields.Float()
    responsible = fields.Char()

    def _workflow_guarded_fields(self, vals, create=False):
        # the register as signed: written by the sign-off only
        return sorted(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_workflow(self):
        if not workflow_allowed(self):
            workflow_refuse(self, ["register_id"])

    def _row(self):
        """The line as a row of ``customer.service.register._register_rows``."""
        self.ensure_one()
        return {
            "complaint": self.complaint_id,
            "number": self.number or "",
            "received": self.received_at,
            "customer": self.customer or "",
            "contact": self.contact or "",
            "reach": self.reach or "",
            "content": self.content or "",
            "process": self.process or "",
            "result": self.result or "",
            "satisfaction": self.satisfaction,
            "responsible": self.responsible or "",
        }
