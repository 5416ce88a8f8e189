from odoo import fields, models


class CustomerComplaintRepair(models.Model):
    _name = "customer.complaint.repair"
    _description = "After-sales Repair"
    _inherit = ("mail.thread", "document.number.mixin")
    _sequence_code = "customer.complaint.repair"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Repair No.", required=True, readonly=True, copy=False, default="/", index=True
    )
    complaint_id = fields.Many2one(
        "customer.complaint",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="complaint_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="complaint_id.partner_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    product_id = fields.Many2one("product.product", check_company=True)
    fault = fields.Text(string="Fault Description", required=True)
    measures = fields.Text(string="Repair Measures")
    technician_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
