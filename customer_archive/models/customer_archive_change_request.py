from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_partner import CREDIT_GRADES, CUSTOMER_CATEGORIES, PROTECTABLE_FIELDS

# Proposed field of the request -> field of the customer it changes: one for each field that
# may be under change control (the bank accounts through new_bank_acc_number / new_bank_id).
PROPOSALS = {
    "new_customer_code": "customer_code",
    "new_name": "name",
    "new_short_name": "short_name",
    "new_vat": "vat",
    "new_customer_category": "customer_category",
    "new_credit_grade": "credit_grade",
    "new_credit_limit": "credit_limit",
    "new_payment_term_id": "property_payment_term_id",
    "new_head_office_id": "head_office_id",
    "new_phone": "phone",
    "new_mobile": "mobile",
    "new_email": "email",
    "new_service_requirements": "service_requirements",
    "new_project_prices": "project_prices",
}


class CustomerArchiveChangeRequest(models.Model):
    """Change of a customer's protected data (客户信息变更表), approved by the sales manager
    (tier definition in data/tier_definition_data.xml)."""

    _name = "customer.archive.change.request"
    _description = "Customer Change Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _order = "id desc"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    # Neither the requester nor the customer's salesperson approves the change.
    _tier_owner_fields = ("user_id", "salesperson_id")
    _workflow_fields = (
        "state",
        "salesperson_id",
        "approver_id",
        "approval_date",
        "opinion",
        "change_summary",
    )
    _workflow_frozen_fields = (
        "partner_id",
        "user_id",
        "reason",
        *PROPOSALS,
        "new_bank_acc_number",
        "new_bank_id",
    )
    _workflow_frozen_states = ("submitted", "approved", "rejected")

    name = fields.Char(
        "Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        domain=[("parent_id", "=", False)],
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(related="partner_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", "Requested by", required=True, default=lambda self: self.env.user
    )
    salesperson_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")
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
    reason = fields.Text(tracking=True)
    new_customer_code = fields.Char()
    new_name = fields.Char()
    new_vat = fields.Char("New Tax ID")
    new_customer_category = fields.Selection(CUSTOMER_CATEGORIES, "New Category")
    new_credit_grade = fields.Selection(CREDIT_GRADES)
    new_credit_limit = fields.Float()
    new_payment_term_id = fields.Many2one("account.payment.term", "New Payment Terms")
    new_bank_acc_number = fields.Char("New Bank Account Number")
    new_bank_id = fields.Many2one("res.bank")
    new_short_name = fields.Char()
    new_head_office_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', False), ('head_office_id', '=', False), "
        "('id', '!=', partner_id)]",
    )
    new_phone = fields.Char()
    new_mobile = fields.Char()
    new_email = fields.Char()
    new_service_requirements = fields.Text()
    new_project_prices = fields.Text()
    protected_field_names = fields.Json(
        compute="_compute_current_values",
        help="The customer fields under change control in the customer's company.",
    )
    current_values = fields.Html(
        compute="_compute_current_values",
        help="The customer's current values of the fields under change control.",
    )
    approver_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)
    opinion = fields.Text(
        "Approver's Opinion", readonly=True, copy=False, help="Given with the decision."
    )
    change_summary = fields.Html(readonly=True, copy=False, help="Old → new values, as applied.")

    @api.depends("partner_id")
    @api.depends_context("company")
    def _compute_current_values(self):
        for request in self:
            partner = request.partner_id
            names = partner._customer_protected_fields()
            request.protected_field_names = [name for name in PROTECTABLE_FIELDS if name in names]
            rows = [
                (partner._fields[name]._description_string(self.env), self._display(partner, name))
                for name in request.protected_field_names
                if partner and partner._fields[name].is_accessible(self.env)
            ]
            request.current_values = rows and Markup("<table class='table table-sm'>%s</table>") % (
                Markup().join(
                    Markup("<tr><th>%s</th><td>%s</td></tr>") % (label, value)
                    for label, value in rows
                )
            )

    @api.model
    def _display(self, record, name):
        """The value of field ``name`` of ``record`` as the customer's file shows it."""
        field, value = record._fields[name], record[name]
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value) or ""
        if field.type in ("one2many", "many2many"):
            return ", ".join(value.mapped("display_name"))
        return field.convert_to_display_name(value, record) or ""

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "customer.archive.change.request"
                )
        return super().create(vals_list)

    def _proposed_values(self):
        self.ensure_one()
        values = {}
        for proposal, target in PROPOSALS.items():
            value = self[proposal]
            if value:  # a credit limit of 0 cannot be proposed: it would read as "no change"
                values[target] = value.id if isinstance(value, models.BaseModel) else value
        return values

    def action_submit(self):
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only draft change requests can be submitted."))
            if not request.reason:
                raise UserError(self.env._("Give the reason for the change."))
            if not request._proposed_values() and not request.new_bank_acc_number:
                raise UserError(self.env._("Propose at least one new value."))
        with self._workflow_pass():
            self.state = "submitted"
        self._tier_submit()

    def _tier_approved(self):
        for request in self:
            request._tier_write(
                {
                    "change_summary": request._apply(),
                    "state": "approved",
                    "opinion": request._tier_last_review().comment,
                    **request._tier_approver_vals(),
                }
            )

    def _tier_rejected(self):
        for request in self:
            request._tier_write(
                {"state": "rejected", "opinion": request._tier_last_review("rejected").comment}
            )

    def action_reset_draft(self):
        rejected = self.filtered(lambda r: r.state == "rejected")
        with rejected._workflow_pass():
            rejected.state = "draft"

    def _apply(self):
        """Write the proposed values on the customer and log old → new on both records;
        returns the log."""
        self.ensure_one()
        # The approver's rights were checked; credit fields belong to accounting groups.
        partner = self.partner_id.sudo()
        values = self._proposed_values()
        rows = []
        for target, value in values.items():
            old = self._display(partner, target)
            new = self._display(partner.new({target: value}), target)
            rows.append((partner._fields[target]._description_string(self.env), old, new))
        if self.new_bank_acc_number:
            partner.env["res.partner.bank"].create(
                {
                    "partner_id": partner.id,
                    "acc_number": self.new_bank_acc_number,
                    "bank_id": self.new_bank_id.id,
                }
            )
            rows.append((self.env._("Bank Account"), "", self.new_bank_acc_number))
        partner.write(values)
        summary = Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s: %s → %s</li>") % (escape(label), escape(old), escape(new))
            for label, old, new in rows
        )
        body = Markup("%s %s") % (
            self.env._("Change request %(name)s approved:", name=self.name),
            summary,
        )
        partner.message_post(body=body)
        self.message_post(body=body)
        return summary
