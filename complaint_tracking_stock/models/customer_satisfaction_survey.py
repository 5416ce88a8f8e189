from odoo import api, fields, models


class CustomerSatisfactionSurvey(models.Model):
    _inherit = "customer.satisfaction.survey"

    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", index="btree_not_null", check_company=True
    )

    @api.depends("picking_id")
    def _compute_origin_ref(self):
        res = super()._compute_origin_ref()
        for survey in self.filtered("picking_id"):
            survey.origin_ref = survey.picking_id.name
        return res

    @api.model
    def _create_for_invoices(self, invoices):
        """Goods are surveyed when delivered: an invoice is surveyed only when none of its
        lines was delivered from stock (services, or products not tracked in Inventory)."""
        delivered = invoices.filtered(
            lambda m: m.invoice_line_ids.sale_line_ids.move_ids.filtered(
                lambda move: move.picking_code == "outgoing"
            )
        )
        return super()._create_for_invoices(invoices - delivered)

    @api.model
    def _create_for_deliveries(self, pickings):
        """One survey per delivery to a customer, once it is done."""
        pickings = pickings.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "outgoing" and p.partner_id
        )
        return self._create_for_documents(pickings, "picking_id")
