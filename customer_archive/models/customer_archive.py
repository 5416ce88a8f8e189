from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from odoo.addons.record_retention.models.workflow_guard import workflow_changed

from ..tools import schedule_activity_once

REVIEW_DAYS_PARAM = "customer_archive.review_after_days"


class CustomerArchive(models.Model):
    """The confidential dossier of one commercial customer (客户档案)."""

    _name = "customer.archive"
    _description = "Customer Dossier"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin"]
    _order = "customer_code, id"
    # Copies of the customer's file: they change on the customer, through its workflow.
    _workflow_fields = (
        "user_id",
        "customer_code",
        "customer_category",
        "credit_grade",
        "archive_state",
        "company_id",
    )
    # A dossier stays the dossier of its customer.
    _workflow_frozen_fields = ("partner_id",)
    _rec_names_search = ["partner_id", "customer_code"]
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        ondelete="restrict",
        index=True,
        domain=[("parent_id", "=", False)],
        tracking=True,
    )
    company_id = fields.Many2one(related="partner_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        related="partner_id.user_id", store=True, index=True, string="Salesperson"
    )
    customer_code = fields.Char(related="partner_id.customer_code", store=True)
    short_name = fields.Char(related="partner_id.short_name")
    customer_category = fields.Selection(related="partner_id.customer_category", store=True)
    credit_grade = fields.Selection(related="partner_id.credit_grade", store=True)
    archive_state = fields.Selection(related="partner_id.archive_state", store=True)
    industry_id = fields.Many2one(related="partner_id.industry_id")
    # The confidential part of the file, read here by whoever the dossier's record rules
    # let in (the customer's fields are for managers and the archive only).
    bank_ids = fields.One2many(
        related="partner_id.bank_ids", string="Bank Accounts", groups="base.group_user"
    )
    credit_limit = fields.Float(related="partner_id.credit_limit")
    property_payment_term_id = fields.Many2one(related="partner_id.property_payment_term_id")
    registered_capital = fields.Monetary(
        compute="_compute_confidential",
        inverse="_inverse_confidential",
        compute_sudo=True,
        groups="base.group_user",
    )
    currency_id = fields.Many2one(related="partner_id.currency_id")
    credit_note = fields.Text(
        "Credit Remarks",
        compute="_compute_confidential",
        inverse="_inverse_confidential",
        compute_sudo=True,
        groups="base.group_user",
        help="Confidential remarks on the credit file.",
    )
    payment_record = fields.Text(
        "Payment Record Summary", tracking=True, help="How the customer has been paying."
    )
    cooperation_history = fields.Html()
    document_ids = fields.Many2many(
        "ir.attachment",
        string="Documents",
        help="Business licence, agreements and other originals, scanned.",
    )
    paper_location = fields.Char(
        "Location of Originals", tracking=True, help="Cabinet and folder of the paper file."
    )
    communication_ids = fields.One2many("customer.archive.communication", "archive_id")
    access_request_ids = fields.One2many("customer.archive.access.request", "archive_id")
    loan_ids = fields.One2many("customer.archive.loan", "archive_id")
    last_visit_date = fields.Date(compute="_compute_last_contact", store=True)
    last_contact_date = fields.Date(compute="_compute_last_contact", store=True)
    visit_overdue = fields.Boolean(
        compute="_compute_visit_overdue",
        search="_search_visit_overdue",
        help="Fewer visits than the visit plan of the customer's category asks for.",
    )
    sensitive = fields.Boolean(
        help="Holds sensitive information (商业机密、客户隐私): reading it needs the general "
        "manager's approval. Set by the archive administrators.",
        tracking=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("partner_unique", "UNIQUE(partner_id)", "A customer has one dossier."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """A customer has one dossier, opened with the customer: creating the dossier of a
        customer that has one (a data file, an import of dossiers) fills in that one."""
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", [vals.get("partner_id") for vals in vals_list])])
            .grouped("partner_id")
        )
        ids = []
        new_vals = []
        for vals in vals_list:
            archive = existing.get(self.env["res.partner"].browse(vals.get("partner_id")))
            if archive:
                archive = self.browse(archive.id)
                archive.write({key: value for key, value in vals.items() if key != "partner_id"})
                ids.append(archive.id)
            else:
                new_vals.append(vals)
                ids.append(None)
        created = iter(super().create(new_vals).ids) if new_vals else iter(())
        return self.browse([archive_id or next(created) for archive_id in ids])

    def _workflow_frozen_records(self):
        return self

    def _workflow_guarded_fields(self, vals, create=False):
        names = super()._workflow_guarded_fields(vals, create=create)
        # Who must approve access to the dossier is the archive's decision, not its owner's.
        changes = "sensitive" in vals and (
            vals["sensitive"] if create else workflow_changed(self, "sensitive", vals["sensitive"])
        )
        if changes and not self.env.user.has_group("customer_archive.group_archive_manager"):
            names.append("sensitive")
        return names

    @api.depends("partner_id.registered_capital", "partner_id.credit_note")
    def _compute_confidential(self):
        for archive in self:
            archive.registered_capital = archive.partner_id.registered_capital
            archive.credit_note = archive.partner_id.credit_note

    def _inverse_confidential(self):
        # write() and create() checked the access to the dossier (its record rules: own
        # customers, managers, the archive): the customer's confidential fields follow.
        for archive in self:
            values = {
                name: archive[name]
                for name in ("registered_capital", "credit_note")
                if archive.partner_id.sudo()[name] != archive[name]
            }
            if values:
                archive.partner_id.sudo().write(values)

    @api.depends("partner_id.display_name")
    def _compute_display_name(self):
        for archive in self:
            archive.display_name = archive.partner_id.display_name

    @api.depends("communication_ids.date", "communication_ids.communication_type")
    def _compute_last_contact(self):
        groups = self.env["customer.archive.communication"]._read_group(
            [("archive_id", "in", self.ids)],
            ["archive_id", "communication_type"],
            ["date:max"],
        )
        last = {}
        for archive, kind, date in groups:
            last.setdefault(archive.id, {})[kind] = date
        for archive in self:
            dates = last.get(archive.id, {})
            archive.last_visit_date = dates.get("visit")
            archive.last_contact_date = max(dates.values(), default=False)

    def _overdue_domain(self):
        """Domain of the dossiers whose visits over their plan's period fall short."""
        today = fields.Date.context_today(self)
        domains = []
        for rule in self.env["customer.archive.visit.rule"].search([]):
            since = today - timedelta(days=rule.period_days)
            visited = self.env["customer.archive.communication"]._read_group(
                [
                    ("communication_type", "=", "visit"),
                    ("date", ">", since),
                    ("archive_id.customer_category", "=", rule.customer_category),
                ],
                ["archive_id"],
                having=[("__count", ">=", rule.visit_count)],
            )
            domains.append(
                [
                    ("customer_category", "=", rule.customer_category),
                    ("id", "not in", [archive.id for (archive,) in visited]),
                ]
            )
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def _compute_visit_overdue(self):
        overdue = self.filtered_domain(self._overdue_domain()) if self.ids else self.browse()
        for archive in self:
            archive.visit_overdue = archive in overdue

    def _search_visit_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError()
        domain = self._overdue_domain()
        return domain if (operator == "=") == value else ["!", *expression.normalize_domain(domain)]

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_review_reminder(self):
        """Quarterly: ask the salesperson to review dossiers nobody touched for N days."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(REVIEW_DAYS_PARAM, 90))
        limit = fields.Datetime.now() - timedelta(days=days)
        activity_type = self.env.ref("customer_archive.mail_activity_type_archive_review")
        stale = self.search(
            [
                ("write_date", "<", limit),
                "|",
                ("last_contact_date", "=", False),
                ("last_contact_date", "<", limit.date()),
            ]
        )
        admin = self.env.ref("base.user_admin")
        return schedule_activity_once(stale, activity_type, lambda a: (a.user_id or admin).id)

    @api.model
    def _cron_visit_reminder(self):
        """Daily: the salesperson of each approved customer behind its visit plan (拜访制度)
        gets one activity, until he has done it."""
        activity_type = self.env.ref("customer_archive.mail_activity_type_visit_due")
        behind = self.search(
            [
                ("visit_overdue", "=", True),
                ("archive_state", "=", "approved"),
                ("user_id", "!=", False),
            ]
        )
        return schedule_activity_once(behind, activity_type, lambda archive: archive.user_id.id)
