from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import department_head


class CustomerArchiveAccessRequest(models.Model):
    """Request to read another salesperson's dossier (查阅申请): the requester's department
    head, then the archive, and the general manager for a sensitive dossier approve it
    (tier definitions in data/tier_definition_data.xml)."""

    _name = "customer.archive.access.request"
    _description = "Dossier Access Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _order = "id desc"
    _rec_name = "partner_id"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("user_id",)
    # The department head is the requester's, not one he picks.
    _workflow_fields = ("state", "manager_id", "approver_id", "approval_date")
    _workflow_frozen_fields = ("archive_id", "user_id", "purpose", "date_from", "date_to")
    _workflow_frozen_states = ("submitted", "approved", "rejected")

    archive_id = fields.Many2one(
        "customer.archive", "Dossier", required=True, ondelete="cascade", index=True
    )
    # The requester picks the customer: the dossiers he would request are exactly those
    # the record rules hide from him.
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        compute="_compute_partner_id",
        compute_sudo=True,
        store=True,
        readonly=False,
        index=True,
        domain=[("customer_code", "!=", False)],
    )
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", "Requested by", required=True, default=lambda self: self.env.user, index=True
    )
    purpose = fields.Text(required=True)
    date_from = fields.Date("From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(
        "Until",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    manager_id = fields.Many2one(
        "res.users",
        "Department Head",
        compute="_compute_manager_id",
        store=True,
        help="Leader of the requester's sales team: the first approver.",
    )
    sensitive = fields.Boolean(related="archive_id.sensitive", store=True)
    approver_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)
    is_valid = fields.Boolean(
        "In Force", compute="_compute_is_valid", help="Approved and within its period today."
    )

    _sql_constraints = [
        ("period", "CHECK(date_from <= date_to)", "The access period ends before it starts."),
    ]

    @api.depends("archive_id")
    def _compute_partner_id(self):
        for request in self:
            request.partner_id = request.archive_id.partner_id

    @api.model
    def _archive_of(self, partner_id):
        partner = self.env["res.partner"].browse(partner_id).commercial_partner_id
        if not partner.archive_id:
            raise UserError(
                self.env._("%(partner)s has no dossier to request.", partner=partner.display_name)
            )
        return partner.archive_id.id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            partner_id = vals.get("partner_id") or (
                "partner_id" not in vals and self.default_get(["partner_id"]).get("partner_id")
            )
            if partner_id and not vals.get("archive_id"):
                vals["archive_id"] = self._archive_of(partner_id)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("partner_id") and "archive_id" not in vals:
            vals = dict(vals, archive_id=self._archive_of(vals["partner_id"]))
        return super().write(vals)

    @api.depends("state", "date_from", "date_to")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_valid = (
                request.state == "approved" and request.date_from <= today <= request.date_to
            )

    @api.depends("user_id")
    def _compute_manager_id(self):
        for request in self:
            request.manager_id = department_head(request.user_id)

    def action_submit(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only draft access requests can be submitted."))
        with self._workflow_pass():
            self.state = "submitted"
        self._tier_submit()

    def _tier_approved(self):
        for request in self:
            request._tier_write({"state": "approved", **request._tier_approver_vals()})
            request.archive_id.sudo().message_post(
                body=self.env._(
                    "%(user)s may read this dossier from %(start)s to %(end)s.",
                    user=request.user_id.name,
                    start=request.date_from,
                    end=request.date_to,
                )
            )

    def _tier_rejected(self):
        self._tier_write({"state": "rejected"})
