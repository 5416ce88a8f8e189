from odoo import api, fields, models


class SalesApproval(models.Model):
    _name = "sales.approval"
    _inherit = ["workflow.guard.mixin"]
    _description = "Approval Record"
    _order = "date desc, id desc"

    contract_id = fields.Many2one("sales.contract", ondelete="cascade", index=True)
    order_id = fields.Many2one("sale.order", "Quotation", ondelete="cascade", index=True)
    change_id = fields.Many2one("sales.contract.change", "Contract Change", ondelete="cascade")
    step = fields.Selection(
        [
            ("supervisor", "Sales Supervisor"),
            ("administrator", "Contract Administrator"),
            ("quotation", "Quotation"),
            ("change", "Contract Change"),
        ],
        required=True,
    )
    decision = fields.Selection([("approved", "Approved"), ("rejected", "Rejected")], required=True)
    user_id = fields.Many2one(
        "res.users", "Approver", required=True, default=lambda self: self.env.user
    )
    opinion = fields.Text()
    date = fields.Datetime("Approved On", required=True, default=fields.Datetime.now)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _workflow_guarded_fields(self, vals, create=False):
        # Approval records are written by the decisions themselves (see _create_records).
        return sorted(vals)

    @api.model
    def _create_records(self, vals_list):
        """Record decisions: only the approve / reject methods call this."""
        with self._workflow_pass(model_wide=True):
            return self.create(vals_list)
