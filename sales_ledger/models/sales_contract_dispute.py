from odoo import fields, models


class SalesContractDispute(models.Model):
    _name = "sales.contract.dispute"
    _description = "Contract Dispute"
    _inherit = ("mail.thread", "mail.activity.mixin", "workflow.guard.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state",)

    name = fields.Char("Subject", required=True, tracking=True)
    contract_id = fields.Many2one(
        "sales.contract", required=True, ondelete="cascade", index=True, check_company=True
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", "Responsible", default=lambda self: self.env.user, tracking=True
    )
    cause = fields.Text(required=True)
    handling = fields.Text()
    result = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("handling", "In Handling"), ("resolved", "Resolved")],
        default="open",
        required=True,
        tracking=True,
    )

    def action_handle(self):
        with self._workflow_pass():
            self.write({"state": "handling"})

    def action_resolve(self):
        with self._workflow_pass():
            self.write({"state": "resolved"})
