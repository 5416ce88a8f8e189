from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class SalesCreditOverride(models.Model):
    """Request to let a customer's orders through the credit policy until a date (信用特批).

    A salesperson asks for it with a reason; the sales manager approves it, and finance
    as well for a customer of credit grade C (tier definitions in
    data/tier_definition_data.xml). Neither the requester nor the customer's salesperson
    reviews it. Only an approved override in force lets an order through
    (``sale.order._valid_credit_override``)."""

    _name = "sales.credit.override"
    _description = "Credit Policy Override"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _order = "date_until desc, id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("requested_by_id", "user_id")
    _workflow_fields = ("state", "requested_by_id", "approver_id", "approval_date", "order_ids")
    _workflow_frozen_fields = ("partner_id", "company_id", "reason", "date_until", "active")
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
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        string="Salesperson",
        store=True,
        help="The customer's salesperson: he does not review the override.",
    )
    credit_grade = fields.Selection(related="partner_id.credit_grade")
    reason = fields.Text(required=True, tracking=True)
    date_until = fields.Date("Valid Until", required=True, tracking=True)
    requested_by_id = fields.Many2one(
        "res.users",
        "Requested by",
        required=True,
        readonly=True,
        default=lambda s: s.env.user,
        index=True,
        copy=False,
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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if self.filtered(lambda override: override.state in ("to_approve", "approved")):
            raise UserError(
                self.env._(
                    "A credit override under review or approved is kept as the record of the "
                    "decision: revoke it instead."
                )
            )

    def action_submit(self):
        if self.filtered(lambda override: override.state != "draft"):
            raise UserError(self.env._("Only draft credit overrides can be submitted."))
        today = fields.Date.context_today(self)
        if self.filtered(lambda override: override.date_until < today):
            raise UserError(self.env._("A credit override cannot end before today."))
        with self._workflow_pass():
            self.state = "to_approve"
        self._tier_submit()

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

    def _tier_approved(self):
        # The reviewer's decision authorises the change, not his rights on the record
        # (finance reviews the overrides of grade C customers without editing them).
        for override in self.sudo():
            override._tier_write({"state": "approved", **override._tier_approver_vals()})

    def _tier_rejected(self):
        self.sudo()._tier_write({"state": "rejected"})
