from odoo import api, fields, models
from odoo.exceptions import UserError

from .customer_approval_request import REQUEST_STATES, CustomerApprovalRequestMixin


class CustomerTradeRelease(models.Model):
    """Request to trade with a blocked or closed customer until a date (交易放行).

    A blocked or closed customer's quotations are not confirmed and its invoices not
    posted; an approved release in force lets them through (the sales manager approves
    it with his opinion, data/tier_definition_data.xml)."""

    _name = "customer.trade.release"
    _description = "Trade Release of a Blocked Customer"
    _inherit = ["customer.approval.request.mixin"]
    _order = "date_until desc, id desc"
    _workflow_frozen_fields = (*CustomerApprovalRequestMixin._workflow_frozen_fields, "date_until")

    state = fields.Selection(REQUEST_STATES)
    archive_state = fields.Selection(related="partner_id.archive_state")
    date_until = fields.Date("Valid Until", required=True, tracking=True)
    is_valid = fields.Boolean("In Force", compute="_compute_is_valid")

    @api.depends("state", "date_until")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for release in self:
            release.is_valid = release.state == "approved" and release.date_until >= today

    def _compute_display_name(self):
        for release in self:
            release.display_name = f"{release.partner_id.name} ≤ {release.date_until}"

    def _request_check_submit(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda release: release.date_until < today):
            raise UserError(self.env._("A trade release cannot end before today."))
        if self.filtered(lambda release: release.archive_state not in ("blocked", "closed")):
            raise UserError(self.env._("Only a blocked or closed customer needs a trade release."))

    @api.model
    def _released_partners(self, partners):
        """The customers among ``partners`` with an approved release in force."""
        releases = self.sudo().search(
            [
                ("partner_id", "in", partners.ids),
                ("state", "=", "approved"),
                ("date_until", ">=", fields.Date.context_today(self)),
            ]
        )
        return releases.partner_id
