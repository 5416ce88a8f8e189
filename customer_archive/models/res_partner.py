import re
import unicodedata

from stdnum.cn import uscc

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.record_retention.models.workflow_guard import (
    workflow_allowed,
    workflow_changed,
    workflow_pass,
    workflow_refuse,
)

from ..tools import may_create

CUSTOMER_CATEGORIES = [
    ("important", "Important"),
    ("main", "Main"),
    ("ordinary", "Ordinary"),
    ("potential", "Potential"),
]
CREDIT_GRADES = [
    ("A", "A - pays cash or on time"),
    ("B", "B - often owes, recoverable"),
    ("C", "C - delinquent, hard to recover"),
]
ENTERPRISE_NATURES = [
    ("state_owned", "State-owned"),
    ("foreign", "Foreign-funded"),
    ("joint_venture", "Joint venture"),
    ("private", "Private"),
    ("collective", "Collective"),
    ("individual", "Individual business"),
    ("government", "Government / institution"),
    ("other", "Other"),
]
ARCHIVE_STATES = [
    ("draft", "Applied"),
    ("approved", "Approved"),
    ("blocked", "Blocked"),
    ("closed", "Closed"),
]
CUSTOMER_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
# Customer fields that may be put under change control (Settings): a salesperson changes
# them only through a change request once the customer is approved. Each has its proposal on
# the change request (customer.archive.change.request), the bank accounts as a new account.
PROTECTABLE_FIELDS = (
    "customer_code",
    "name",
    "short_name",
    "vat",
    "bank_ids",
    "customer_category",
    "credit_grade",
    "credit_limit",
    "property_payment_term_id",
    # Whose statements and group credit a customer falls under: the managers' to decide.
    "head_office_id",
    # 004 客户信息变更: 联系方式、结款方式、服务要求、项目报价.
    "phone",
    "mobile",
    "email",
    "service_requirements",
    "project_prices",
)
# The regulation's items plus code, name, tax ID, bank, category, grade and credit limit.
DEFAULT_PROTECTED_FIELDS = tuple(name for name in PROTECTABLE_FIELDS if name != "short_name")
ARCHIVE_READERS = (
    "sales_team.group_sale_salesman,account.group_account_invoice,"
    "account.group_account_readonly,customer_archive.group_archive_manager"
)
# The confidential part of the customer file (保密范围: registration capital, credit notes):
# read on the customer by sales managers and archive administrators only; the responsible
# salesperson and the holders of an approved access request read it on the dossier, whose
# record rules say whose dossier it is (customer.archive).
CONFIDENTIAL_READERS = "sales_team.group_sale_manager,customer_archive.group_archive_manager"


def display_width(text):
    """Width of a text on screen and paper: a CJK (wide or full-width) character counts 2."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text or "")


class ResPartner(models.Model):
    """The customer file on the partner. A salesperson's new customer (新增客户申请) is
    approved by the sales manager through tier validation (data/tier_definition_data.xml);
    the buttons are in the suite's partner form only (manual configuration)."""

    _name = "res.partner"
    _inherit = ["res.partner", "tier.validation", "retention.target.mixin"]
    _state_field = "archive_state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_owner_fields = ("user_id",)
    _retention_actions = ("archive", "anonymize", "delete")
    _retention_anonymize_fields = ("email", "phone", "mobile", "street", "street2", "comment")

    customer_code = fields.Char(copy=False, index="btree_not_null", tracking=True)
    short_name = fields.Char(tracking=True, help="Shown on screens; the full name is printed.")
    customer_category = fields.Selection(CUSTOMER_CATEGORIES, tracking=True)
    # The internal grade: never shown to the customer's portal users.
    credit_grade = fields.Selection(CREDIT_GRADES, tracking=True, groups="base.group_user")
    enterprise_nature = fields.Selection(ENTERPRISE_NATURES, tracking=True)
    service_requirements = fields.Text(
        tracking=True,
        help="What the customer asks of our service (服务要求): delivery, packing, documents, "
        "visits.",
    )
    project_prices = fields.Text(
        tracking=True,
        help="The prices quoted and agreed for the customer's projects (项目报价).",
    )
    # Existing partners are approved when the module is installed; customers that a
    # salesperson registers start as applications (see create()).
    archive_state = fields.Selection(
        ARCHIVE_STATES,
        "Customer File Status",
        default=lambda self: "approved" if self._archive_approvers() else "draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    archive_closed_date = fields.Date(
        "Customer File Closed On",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set when the customer file is closed: the retention periods of its "
        "communication log and after-sales records start on this day.",
    )
    legal_representative = fields.Char(tracking=True)
    registered_capital = fields.Monetary(
        currency_field="currency_id", groups=CONFIDENTIAL_READERS, tracking=True
    )
    establishment_date = fields.Date()
    business_scope = fields.Text()
    credit_note = fields.Text(
        "Credit Remarks",
        groups=CONFIDENTIAL_READERS,
        help="Confidential remarks on the credit file.",
    )
    bank_ids = fields.One2many(groups=ARCHIVE_READERS + ",base.group_system")
    archive_id = fields.Many2one(
        "customer.archive", "Dossier", compute="_compute_archive_id", compute_sudo=True
    )
    archive_ids = fields.One2many("customer.archive", "partner_id")
    visit_overdue = fields.Boolean(
        compute="_compute_visit_overdue",
        search="_search_visit_overdue",
        compute_sudo=True,
        help="Fewer visits than the visit plan of the customer's category asks for.",
    )

    @api.depends("archive_ids")
    def _compute_archive_id(self):
        # The customer's dossier, also once it is archived (it is reopened, never doubled).
        archives = (
            self.env["customer.archive"]
            .with_context(active_test=False)
            .search_fetch(
                [("partner_id", "in", self.ids)], ["partner_id", "active", "customer_category"]
            )
            .grouped("partner_id")
        )
        for partner in self:
            partner.archive_id = archives.get(partner, self.env["customer.archive"])

    def _compute_visit_overdue(self):
        archives = self.archive_id.filtered("active")
        overdue = archives.filtered_domain(archives._overdue_domain()).partner_id
        for partner in self:
            partner.visit_overdue = partner in overdue

    def _search_visit_overdue(self, operator, value):
        archives = self.env["customer.archive"]._search([("visit_overdue", operator, value)])
        return [("archive_ids", "in", archives)]

    # ------------------------------------------------------------------ constraints

    @api.constrains("customer_code")
    def _check_customer_code(self):
        for partner in self.filtered("customer_code"):
            if not CUSTOMER_CODE.match(partner.customer_code):
                raise ValidationError(
                    self.env._(
                        "Customer Code %(code)s: use at most 20 letters, digits, '-' or '_'.",
                        code=partner.customer_code,
                    )
                )
        commercial = self.filtered(lambda p: p.customer_code and p == p.commercial_partner_id)
        if not commercial:
            return
        keys = {(p.company_id.id, p.customer_code) for p in commercial}
        groups = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("customer_code", "in", [code for _company, code in keys]),
                    ("parent_id", "=", False),
                ],
                ["company_id", "customer_code"],
                having=[("__count", ">", 1)],
            )
        )
        for company, code in groups:
            if (company.id, code) in keys:
                raise ValidationError(
                    self.env._(
                        "Customer Code %(code)s is already used by another customer.", code=code
                    )
                )

    @api.depends("short_name")
    @api.depends_context("show_short_name")
    def _compute_display_name(self):
        """Lists of documents show customers by their short name (客户简称), as U8 does, when
        their view asks for it; the full name stays on forms and printed documents."""
        result = super()._compute_display_name()
        if self.env.context.get("show_short_name"):
            for partner in self.filtered("short_name"):
                partner.display_name = partner.short_name
        return result

    @api.constrains("short_name", "name", "customer_rank", "is_company")
    def _check_display_widths(self):
        for partner in self:
            if display_width(partner.short_name) > 60:
                raise ValidationError(
                    self.env._(
                        "Short Name: at most 60 characters wide (a Chinese character counts 2)."
                    )
                )
            if partner._is_archive_customer() and display_width(partner.name) > 98:
                raise ValidationError(
                    self.env._(
                        "Name: a customer's full name is at most 98 characters wide "
                        "(a Chinese character counts 2)."
                    )
                )

    @api.constrains("vat", "country_id", "is_company")
    def _check_unified_social_credit_code(self):
        for partner in self:
            if (
                partner.vat
                and partner.is_company
                and partner.country_id.code == "CN"
                and not uscc.is_valid(partner.vat)
            ):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a valid unified social credit code "
                        "(统一社会信用代码): 18 characters with the check character "
                        "of GB 32100-2015.",
                        code=partner.vat,
                    )
                )

    def _is_archive_customer(self):
        self.ensure_one()
        return not self.parent_id and (self.customer_rank > 0 or self.customer_code)

    # ------------------------------------------------------------------ workflow

    @api.model
    def _archive_approvers(self):
        """Whether the current user approves customers (sales managers, archive administrators)."""
        user = self.env.user
        return (
            self.env.su
            or user.has_group("sales_team.group_sale_manager")
            or user.has_group("customer_archive.group_archive_manager")
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._archive_approvers():
            for vals in vals_list:
                if not vals.get("parent_id"):
                    # A salesperson's application is his own customer until approved.
                    vals["archive_state"] = "draft"
                    vals["user_id"] = vals.get("user_id") or self.env.uid
        partners = super().create(vals_list)
        partners._ensure_customer_file()
        return partners

    def write(self, vals):
        self._workflow_check(vals)
        protected = set(vals) & self._change_controlled_fields()
        if protected:
            approved = self.filtered(lambda p: not p.parent_id and p.archive_state == "approved")
            labels = ", ".join(
                self._fields[name]._description_string(self.env)
                for name in PROTECTABLE_FIELDS
                if name in protected
            )
            raise UserError(
                self.env._(
                    "%(customer)s is an approved customer: submit a change request for %(fields)s.",
                    customer=approved[0].display_name,
                    fields=labels,
                )
            )
        result = super().write(vals)
        if "customer_rank" in vals or "parent_id" in vals:
            # A partner that becomes a commercial customer gets its code and dossier.
            self._ensure_customer_file()
        return result

    def _change_controlled_fields(self):
        """The fields the current user changes on the customers ``self`` only through a
        change request: the protected ones of approved customers, for all but managers."""
        approved = self.filtered(lambda p: not p.parent_id and p.archive_state == "approved")
        if not approved or self._archive_approvers():
            return set()
        return approved._customer_protected_fields()

    def _customer_protected_fields(self):
        """Names of the fields under change control for the customers ``self`` (the set of
        their companies; of the current company for customers shared between companies or
        none)."""
        companies = self.company_id
        if not self or any(not partner.company_id for partner in self):
            companies |= self.env.company
        return companies._customer_protected_fields()

    def _workflow_pass(self, model_wide=False):
        return workflow_pass(self, model_wide=model_wide)

    def _workflow_check(self, vals):
        """The customer file status changes through approve / block / close only; customers
        change hands through managers and the handover, not a salesperson."""
        if workflow_allowed(self):
            return
        names = [
            name
            for name in ("archive_state", "archive_closed_date")
            if name in vals and workflow_changed(self, name, vals[name])
        ]
        if (
            "user_id" in vals
            and not self._archive_approvers()
            and workflow_changed(
                self.filtered(lambda p: not p.parent_id), "user_id", vals["user_id"]
            )
        ):
            names.append("user_id")
        if names:
            workflow_refuse(self, names)

    def action_submit_customer(self):
        """Submit the application (新增客户申请) to the sales manager."""
        for partner in self:
            if partner.parent_id or partner.archive_state != "draft":
                raise UserError(self.env._("Only customer applications are submitted."))
            if partner.validation_status in ("waiting", "pending"):
                raise UserError(
                    self.env._("%(customer)s is waiting for approval.", customer=partner.name)
                )
        # A rejected application starts a new round.
        with self._workflow_pass():
            self.restart_validation()
        self._tier_submit()
        return True

    def _tier_approved(self):
        self._tier_write({"archive_state": "approved"})
        # Also an application registered without the customer rank becomes a customer file.
        self.sudo()._open_customer_file()

    def _check_allow_write_under_validation(self, vals):
        # Under review the application's protected data is frozen; contact details are not.
        return not set(vals) & self._customer_protected_fields() or (
            super()._check_allow_write_under_validation(vals)
        )

    def _tier_validation_check_write_allowed(self, vals):
        # Only applications under review are checked: partners are written everywhere, and
        # once approved their protected data changes through change requests (OCA's
        # exceptions after validation do not apply to partners; one query less per partner).
        under_review = self.filtered(
            lambda partner: partner.validation_status in ("waiting", "pending")
        )
        return super(ResPartner, under_review)._tier_validation_check_write_allowed(vals)

    def action_unblock_customer(self):
        if not self._archive_approvers():
            raise UserError(self.env._("Only sales managers unblock customers."))
        blocked = self.filtered(lambda p: p.archive_state == "blocked")
        with blocked._workflow_pass():
            blocked.archive_state = "approved"
        return True

    def action_block_customer(self):
        if not self._archive_approvers():
            raise UserError(self.env._("Only sales managers block customers."))
        with self._workflow_pass():
            self.archive_state = "blocked"

    def action_close_customer(self):
        if not self._archive_approvers():
            raise UserError(self.env._("Only sales managers close customer files."))
        with self._workflow_pass():
            self.write(
                {"archive_state": "closed", "archive_closed_date": fields.Date.context_today(self)}
            )

    @api.model
    def _retention_protections(self):
        users = self.env["res.users"].sudo().with_context(active_test=False).search([])
        companies = self.env["res.company"].sudo().search([])
        return super()._retention_protections() + [
            (
                self.env._("Partner of a user or of a company"),
                [("id", "in", (users.partner_id | companies.partner_id).ids)],
            )
        ]

    def _ensure_archive(self):
        """Open a dossier for the commercial partners that have none yet (an archived
        dossier is kept: the customer has one dossier)."""
        missing = self.commercial_partner_id.filtered(lambda p: not p.archive_id)
        return self.env["customer.archive"].create(
            [{"partner_id": p.id, "active": p.active} for p in missing]
        )

    def action_open_archive(self):
        self.ensure_one()
        partner = self.commercial_partner_id
        archive = partner.archive_id
        if not archive:
            # The file is the system's to give (as superuser), to a customer only and at the
            # request of whoever may open its dossier: its salesperson, a manager, the archive.
            if not partner.sudo()._is_archive_customer():
                raise UserError(
                    self.env._(
                        "%(partner)s is not a customer: only customers have a dossier.",
                        partner=partner.display_name,
                    )
                )
            if not may_create(self.env["customer.archive"], [{"partner_id": partner.id}])[0]:
                raise AccessError(
                    self.env._(
                        "Only the salesperson of %(partner)s, a sales manager or an archive "
                        "administrator opens its dossier.",
                        partner=partner.display_name,
                    )
                )
            archive = partner.sudo()._open_customer_file()
        elif not archive.has_access("read"):
            return partner._action_request_dossier_access()
        return {
            "type": "ir.actions.act_window",
            "res_model": "customer.archive",
            "res_id": archive.id,
            "view_mode": "form",
        }

    def _action_request_dossier_access(self):
        """A colleague's dossier: the button asks for access instead of failing."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Access to the Dossier of %(partner)s", partner=self.name),
            "res_model": "customer.archive.access.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_request_change(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Request"),
            "res_model": "customer.archive.change.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
