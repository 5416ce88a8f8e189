from odoo import fields, models


class SalesApproval(models.Model):
    _name = "sales.approval"
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
