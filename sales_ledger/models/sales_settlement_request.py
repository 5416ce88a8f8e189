from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.customer_archive.models.customer_approval_request import (
    REQUEST_STATES,
    CustomerApprovalRequestMixin,
)


class SalesSettlementRequest(models.Model):
    """Request to grant a customer monthly settlement (月结申请).

    The salesperson attaches the agreement signed and stamped by the customer (月结协议)
    and says why the customer qualifies; the sales manager approves it (tier definitions
    in data/sales_settlement_request_tier_data.xml), and only then does the customer move
    to monthly settlement, with the approver and the date of the approval."""

    _name = "sales.settlement.request"
    _description = "Monthly Settlement Request"
    _inherit = ["customer.approval.request.mixin"]
    _order = "id desc"
    _rec_name = "partner_id"
    _workflow_frozen_fields = (
        *CustomerApprovalRequestMixin._workflow_frozen_fields,
        "agreement_ids",
    )

    state = fields.Selection(REQUEST_STATES)
    reason = fields.Text(
        help="Why the customer qualifies: a steady monthly volume, a well-known company, a "
        "factory visit with the department manager.",
    )
    agreement_ids = fields.Many2many(
        "ir.attachment",
        "sales_settlement_request_agreement_rel",
        "request_id",
        "attachment_id",
        "Signed Agreement",
        help="The monthly-settlement agreement (月结协议) signed and stamped by the customer.",
    )

    @api.depends("partner_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "Monthly settlement: %(customer)s", customer=request.partner_id.name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._adopt_agreements()
        return requests

    def write(self, vals):
        result = super().write(vals)
        if "agreement_ids" in vals:
            self._adopt_agreements()
        return result

    def _adopt_agreements(self):
        """An agreement uploaded on the new request's form belongs to no record yet, and
        only its uploader reads it: it becomes the request's, so that the reviewers read it
        too. Only the user's own uploads are adopted, never another record's attachment."""
        for request in self:
            orphans = request.agreement_ids.filtered(
                lambda attachment: not attachment.res_id and attachment.create_uid == self.env.user
            )
            orphans.sudo().write({"res_model": self._name, "res_id": request.id})

    def _request_check_submit(self):
        for request in self:
            if not request.agreement_ids:
                raise UserError(
                    self.env._(
                        "Attach the monthly-settlement agreement signed and stamped by the "
                        "customer first."
                    )
                )
            if request.partner_id.settlement_method == "monthly":
                raise UserError(
                    self.env._(
                        "%(customer)s is already on monthly settlement.",
                        customer=request.partner_id.display_name,
                    )
                )

    def _request_approved(self):
        for request in self:
            request.partner_id.write(
                {
                    "settlement_method": "monthly",
                    "settlement_agreement_ids": [
                        Command.link(attachment.id) for attachment in request.agreement_ids
                    ],
                    "settlement_approved_by_id": request.approver_id.id,
                    "settlement_approved_date": fields.Date.context_today(
                        request, request.approval_date
                    ),
                }
            )
