from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.customer_archive.models.customer_approval_request import (
    REQUEST_STATES,
    CustomerApprovalRequestMixin,
)


class SalesCreditOverride(models.Model):
    """Request to let a customer's orders through the credit policy until a date (信用特批).

    A salesperson asks for it with a reason; the sales manager approves it, and finance
    as well for a customer of credit grade C (tier definitions in
    data/tier_definition_data.xml). Neither the requester nor the customer's salesperson
    reviews it. Only an approved override in force lets an order through
    (``sale.order._valid_credit_override``)."""

    _name = "sales.credit.override"
    _description = "Credit Policy Override"
    _inherit = ["customer.approval.request.mixin"]
    _order = "date_until desc, id desc"
    _workflow_fields = (*CustomerApprovalRequestMixin._workflow_fields, "order_ids")
    _workflow_frozen_fields = (
        *CustomerApprovalRequestMixin._workflow_frozen_fields,
        "date_until",
        "active",
    )

    state = fields.Selection(REQUEST_STATES)
    credit_grade = fields.Selection(related="partner_id.credit_grade")
    date_until = fields.Date("Valid Until", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    order_ids = fields.Many2many(
        "sale.order", string="Orders Let Through", readonly=True, copy=False
    )
    is_valid = fields.Boolean(
        "In Force", compute="_compute_is_valid", help="Approved, not revoked and not expired."
    )

    @api.depends("state", "date_until", "active")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for override in self:
            override.is_valid = (
                override.state == "approved" and override.active and override.date_until >= today
            )

    def _compute_display_name(self):
        for override in self:
            override.display_name = f"{override.partner_id.name} ≤ {override.date_until}"

    def _request_check_submit(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda override: override.date_until < today):
            raise UserError(self.env._("A credit override cannot end before today."))

    def action_revoke(self):
        """The requester or a sales manager ends an approved override before its date."""
        if self.filtered(lambda override: override.state != "approved"):
            raise UserError(self.env._("Only approved credit overrides can be revoked."))
        manager = self.env.su or self.env.user.has_group("sales_team.group_sale_manager")
        if not manager and self.requested_by_id != self.env.user:
            raise AccessError(
                self.env._("Only its requester or a sales manager revokes a credit override.")
            )
        with self._workflow_pass():
            self.active = False
