from odoo import models
from odoo.exceptions import UserError

from odoo.addons.record_retention.models.workflow_guard import is_data_loading


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        # As for orders (sales_reconciliation's sale.order.action_confirm): no context key
        # switches the hold off, only module data loaded by the superuser passes.
        if not is_data_loading(self.env):
            self._check_credit_hold()
        return super().button_validate()

    def _credit_hold_pickings(self):
        """The deliveries to customers among ``self``."""
        return self.filtered(
            lambda picking: (
                picking.picking_type_code == "outgoing"
                and picking.partner_id
                and picking.location_dest_id.usage == "customer"
            )
        )

    def _credit_policy_order(self):
        """The order whose credit policy decides the delivery: its sale order, or an empty
        order of the customer for a delivery without one."""
        self.ensure_one()
        if self.sale_id:
            return self.sale_id.sudo()
        return (
            self.env["sale.order"]
            .sudo()
            .new(
                {
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "company_id": self.company_id.id,
                }
            )
        )

    def _check_credit_hold(self):
        """Refuse the delivery of a customer stopped in the customer file (blocked or closed
        without a trade release) or blocked by the credit policy (grade C, credit limit,
        overdue beyond the grace days) unless a credit override is in force (限制发货)."""
        for picking in self._credit_hold_pickings():
            customer = picking.partner_id.commercial_partner_id
            customer._check_trade_allowed(
                self.env._("the delivery %(picking)s", picking=picking.name)
            )
            order = picking._credit_policy_order()
            blocks = order._credit_policy_issues()[0]
            if not blocks:
                continue
            override = order._valid_credit_override()
            if not override:
                raise UserError(
                    self.env._(
                        "Delivery %(picking)s to %(customer)s is held by the credit policy:\n"
                        "%(reasons)s\nRequest a credit override for the customer: the "
                        "delivery can be validated once it is approved.",
                        picking=picking.name,
                        customer=customer.name,
                        reasons="\n".join(blocks),
                    )
                )
            picking.message_post(
                body=self.env._(
                    "Delivered under the credit override of %(approver)s (until %(date)s, "
                    "reason: %(reason)s) despite: %(reasons)s",
                    approver=override.approver_id.name,
                    date=override.date_until,
                    reason=override.reason,
                    reasons=" ".join(blocks),
                )
            )
            override.message_post(
                body=self.env._("Used for delivery %(picking)s.", picking=picking.name)
            )
