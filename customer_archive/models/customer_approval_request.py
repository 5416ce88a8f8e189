from odoo import api, fields, models
from odoo.exceptions import UserError

REQUEST_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class CustomerApprovalRequestMixin(models.AbstractModel):
    """A request about a customer that reviewers approve on tier definitions.

    A user asks for it with a reason; on submit it goes to the reviewers of the tiers
    that apply (neither the requester nor the customer's salesperson reviews it). The last
    approval records the approver and the date and triggers the model's own effect
    (:meth:`_request_approved`); a rejection sends it back. Submitted or decided, a request
    is frozen and kept; a copy is a new draft of whoever copies it.

    A model inheriting it adds its own fields and checks (:meth:`_request_check_submit`),
    and extends ``_workflow_fields`` / ``_workflow_frozen_fields`` from this class's. It
    also lists ``REQUEST_STATES`` again (``state = fields.Selection(REQUEST_STATES)``): Odoo
    files the translations of selection values under the module that lists them, and the
    module of a new model loads only its own catalogue when it is installed."""

    _name = "customer.approval.request.mixin"
    _description = "Customer Approval Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("requested_by_id", "user_id")
    _workflow_fields = ("state", "requested_by_id", "approver_id", "approval_date")
    _workflow_frozen_fields = ("partner_id", "company_id", "reason")
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
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        REQUEST_STATES,
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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        for request in self:
            if request.state in ("to_approve", "approved"):
                raise UserError(
                    self.env._(
                        "%(request)s is under review or approved: it is kept as the record of "
                        "the decision.",
                        request=request.display_name,
                    )
                )

    def action_submit(self):
        if self.filtered(lambda request: request.state != "draft"):
            raise UserError(self.env._("Only draft requests can be submitted."))
        self._request_check_submit()
        with self._workflow_pass():
            self.state = "to_approve"
        self._tier_submit()

    def _request_check_submit(self):
        """Hook: raise a ``UserError`` if one of the draft requests ``self`` is not ready
        for review."""

    def _tier_approved(self):
        # The reviewer's decision authorises the request and its effect, not his rights on
        # the record or on the customer (finance reviews requests it does not edit).
        requests = self.sudo()
        for request in requests:
            request._tier_write({"state": "approved", **request._tier_approver_vals()})
        requests._request_approved()

    def _request_approved(self):
        """Hook: the approved requests ``self`` (as superuser, approver and approval date
        set) take effect."""

    def _tier_rejected(self):
        self.sudo()._tier_write({"state": "rejected"})
