from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.record_retention.models.workflow_guard import workflow_allowed

from .sale_order import QUOTATION_STATES

# What the approvers of a quotation looked at: changed on an approved or reviewed
# quotation, it would be confirmed with figures nobody approved.
PRICE_FIELDS = (
    "order_id",
    "display_type",
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_unit",
    "discount",
    "tax_id",
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _is_below_pricelist(self):
        """Whether the unit price is lower than the one the pricelist gives (the price Odoo
        proposes for the product, quantity, unit and date)."""
        self.ensure_one()
        if (
            self.display_type
            or not self.product_id
            or self.is_downpayment
            or self.combo_item_id
            or self.product_type == "combo"
        ):
            return False
        line = self.with_company(self.company_id)
        taxes = line.product_id.taxes_id._filter_taxes_by_company(line.company_id)
        price = line.product_id._get_tax_included_unit_price_from_price(
            line._get_display_price(),
            product_taxes=taxes,
            fiscal_position=line.order_id.fiscal_position_id,
        )
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return float_compare(self.price_unit, price, precision_digits=digits) < 0

    def _is_below_cost(self):
        """Whether the net unit price, in the company's currency and the product's unit, is
        lower than the product's cost."""
        self.ensure_one()
        if self.display_type or not self.product_id or self.is_downpayment:
            return False
        product = self.product_id.with_company(self.company_id)
        if not product.standard_price:
            return False
        order = self.order_id
        net = self.price_unit * (1.0 - (self.discount or 0.0) / 100.0)
        net = self.product_uom._compute_price(net / (order.currency_rate or 1.0), product.uom_id)
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return float_compare(net, product.standard_price, precision_digits=digits) < 0

    def _check_quotation_under_approval(self, names):
        """Refuse a change of ``names`` on the lines of a quotation that is reviewed or
        approved: its validation is restarted first."""
        if not names or workflow_allowed(self):
            return
        orders = self.order_id.filtered(
            lambda order: order.review_ids and order.state in QUOTATION_STATES
        )
        if orders:
            raise UserError(
                self.env._(
                    "Quotation %s is being approved or was approved as it is: restart its "
                    "validation to change its lines.",
                    orders[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_quotation_under_approval(PRICE_FIELDS)
        return lines

    def write(self, vals):
        names = [name for name in PRICE_FIELDS if name in vals]
        self._check_quotation_under_approval(names)
        result = super().write(vals)
        if "order_id" in vals:
            self._check_quotation_under_approval(names)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_quotation_under_approval(self):
        self._check_quotation_under_approval(PRICE_FIELDS)
