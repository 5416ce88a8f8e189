from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class SalesSettlementRequest(models.Model):
    """Request to grant a customer monthly settlement (月结申请).

    The salesperson attaches the agreement signed and stamped by the customer (月结协议)
    and says why the customer qualifies; the sales manager approves it (tier definitions
    in data/sales_settlement_request_tier_data.xml), and only then does the customer move
    to monthly settlement, with the approver and the date of the approval."""

    _name = "sales.settlement.request"
    _description = "Monthly Settlement Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _order = "id desc"
    _rec_name = "partner_id"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("requested_by_id", "user_id")
    _workflow_fields = ("state", "requested_by_id", "approver_id", "approval_date")
    _workflow_frozen_fields = ("partner_id", "company_id", "reason", "agreement_ids")
    _workflow_frozen_states = ("to_approve", "approved", "rejected")

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        string="Salesperson",
        store=True,
        help="The customer's salesperson: he does not review the request.",
    )
    requested_by_id = fields.Many2one(
        "res.users",
        "Requested by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
        copy=False,
    )
    reason = fields.Text(
        required=True,
        tracking=True,
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
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    approver_id = fields.Many2one(
        "res.users", "Approved by", readonly=True, copy=False, tracking=True
    )
    approval_date = fields.Datetime(readonly=True, copy=False)

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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if self.filtered(lambda request: request.state in ("to_approve", "approved")):
            raise UserError(
                self.env._(
                    "A monthly-settlement request under review or approved is kept as the "
                    "record of the grant."
                )
            )

    def action_submit(self):
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only draft requests can be submitted."))
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
        with self._workflow_pass():
            self.state = "to_approve"
        self._tier_submit()

    def _tier_approved(self):
        for request in self.sudo():
            approval = request._tier_approver_vals()
            # The approval authorises the grant, not the reviewer's rights on the customer.
            request._tier_write({"state": "approved", **approval})
            request.partner_id.write(
                {
                    "settlement_method": "monthly",
                    "settlement_agreement_ids": [
                        Command.link(attachment.id) for attachment in request.agreement_ids
                    ],
                    "settlement_approved_by_id": approval["approver_id"],
                    "settlement_approved_date": fields.Date.context_today(
                        request, approval["approval_date"]
                    ),
                }
            )

    def _tier_rejected(self):
        self.sudo()._tier_write({"state": "rejected"})
