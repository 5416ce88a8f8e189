from odoo import api, fields, models


class CustomerComplaint(models.Model):
    _inherit = "customer.complaint"

    contract_id = fields.Many2one(
        "sales.contract",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('partner_id', '=', commercial_partner_id)]",
    )

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id_contract(self):
        if self.sale_order_id.contract_id:
            self.contract_id = self.sale_order_id.contract_id
