from odoo import api, fields, models


class CustomerComplaint(models.Model):
    _inherit = "customer.complaint"
    _customer_document_fields = ("sale_order_id", "invoice_id", "contract_id")

    contract_id = fields.Many2one(
        "sales.contract",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('partner_id', '=', commercial_partner_id)]",
    )

    @api.constrains("partner_id", "sale_order_id", "invoice_id", "contract_id")
    def _check_customer_documents(self):
        return super()._check_customer_documents()

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id_contract(self):
        if self.sale_order_id.contract_id:
            self.contract_id = self.sale_order_id.contract_id
