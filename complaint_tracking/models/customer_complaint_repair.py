from odoo import api, fields, models


class CustomerComplaintRepair(models.Model):
    _name = "customer.complaint.repair"
    _description = "After-sales Repair"
    _inherit = ("mail.thread",)
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("customer.complaint.repair") or "/"
                )
        return super().create(vals_list)
