from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.record_retention.models.retention_destruction import destruction_allowed

REOPEN_DAYS = 30
OPEN_STATES = ("new", "acknowledged", "investigating")
PRIORITIES = [("0", "Normal"), ("1", "Urgent"), ("2", "Very Urgent")]
# Facts shorter than this are not an account of what happened (regulation 004: 事情经过).
MIN_FACTS_LENGTH = 10
CONTACT_METHODS = [
    ("phone", "Phone"),
    ("visit", "Visit"),
    ("email", "E-mail"),
    ("wechat", "WeChat"),
    ("other", "Other"),
]


class CustomerComplaint(models.Model):
    _name = "customer.complaint"
    _description = "Customer Complaint"
    _inherit = (
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "workflow.guard.mixin",
        "retention.target.mixin",
        "document.number.mixin",
    )
    _sequence_code = "customer.complaint"
    _sequence_date_field = "received_at"
    # After-sales records (seed 003): kept until years after the customer file is closed.
    _retention_actions = ("delete",)
    _order = "received_at desc, id desc"
    _check_company_auto = True
    # documents a complaint may name: the complaint's customer's own (their partner_id)
    _customer_document_fields = ("sale_order_id", "invoice_id")
    # Stages and the timestamps the deadlines are measured with are the workflow's.
    _workflow_fields = (
        "state",
        "acknowledged_at",
        "registered_at",
        "resolved_at",
        "closed_at",
        "escalated_at",
        "response_deadline",
        "registration_deadline",
        "response_hours",
        "sla_met",
        "customer_confirmed",
        "customer_confirmed_at",
        "confirmation_channel",
    )
    # Once acknowledged, the deadlines run from the receipt and priority as registered and
    # the first contact is a fact.
    _workflow_frozen_fields = ("received_at", "priority", "first_contact_method")
    _workflow_frozen_states = ("acknowledged", "investigating", "resolved", "closed", "cancelled")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        check_company=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("visit", "Visit"),
            ("survey", "Satisfaction Survey"),
            ("other", "Other"),
        ],
        required=True,
        default="phone",
    )
    received_at = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now, tracking=True
    )
    category_id = fields.Many2one(
        "customer.complaint.category",
        tracking=True,
        check_company=True,
    )
    occurred_at = fields.Datetime(
        string="Occurred On", tracking=True, help="When the problem the customer reports happened."
    )
    description = fields.Text(string="Facts", required=True, tracking=True)
    customer_demand = fields.Text(tracking=True)
    fault_party = fields.Char(
        string="Party at Fault",
        tracking=True,
        help="The person or department responsible for the problem (责任人), "
        "not the person handling the complaint.",
    )
    first_contact_method = fields.Selection(
        CONTACT_METHODS,
        string="First Contact By",
        help="How the customer was contacted within 24 hours of the complaint.",
    )
    handling_plan = fields.Text(
        tracking=True,
        help="How the complaint will be solved, as told to the customer at the first contact.",
    )
    priority = fields.Selection(PRIORITIES, default="0", tracking=True)
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        check_company=True,
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    invoice_id = fields.Many2one(
        "account.move",
        check_company=True,
        domain="[('move_type', 'in', ('out_invoice', 'out_refund')),"
        " ('commercial_partner_id', '=', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", check_company=True)
    work_order_ref = fields.Char(string="Work Order No.")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
        domain=[("share", "=", False)],
        help="The account manager is first responsible for the complaint.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Complaints Manager",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("investigating", "Investigating"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    response_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    registration_deadline = fields.Datetime(
        compute="_compute_deadlines",
        store=True,
        help="End of the last working day allowed by the complaint's service level (the third "
        "by default) on the company's working schedule.",
    )
    acknowledged_at = fields.Datetime(string="First Contact On", readonly=True, copy=False)
    registered_at = fields.Datetime(string="Registered On", readonly=True, copy=False)
    resolved_at = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    closed_at = fields.Datetime(string="Closed On", readonly=True, copy=False)
    customer_closed_date = fields.Date(
        related="commercial_partner_id.archive_closed_date",
        store=True,
        string="Customer File Closed On",
        help="The retention period of the complaint starts when the customer file is closed.",
    )
    response_hours = fields.Float(
        string="Response Time (Hours)",
        compute="_compute_response_hours",
        store=True,
        aggregator="avg",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    sla_met = fields.Boolean(
        string="Deadlines Met",
        compute="_compute_sla_met",
        store=True,
        help="First contact and registration within the targets of the complaint's priority "
        "(by default 24 hours and 3 working days).",
    )
    escalated_at = fields.Datetime(string="Escalated On", readonly=True, copy=False)
    root_cause = fields.Text(tracking=True)
    measures = fields.Text(tracking=True)
    compensation = fields.Text(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    compensation_amount = fields.Monetary(currency_field="currency_id", tracking=True)
    customer_confirmed = fields.Boolean(
        string="Confirmed by Customer", tracking=True, readonly=True, copy=False
    )
    customer_confirmed_at = fields.Datetime(
        string="Customer Confirmed On", readonly=True, copy=False
    )
    confirmation_channel = fields.Selection(
        [
            *CONTACT_METHODS[:4],
            ("portal", "Portal"),
            ("survey", "Survey"),
            ("paper", "Signed Paper"),
        ],
        string="Confirmed Through",
        readonly=True,
        copy=False,
        tracking=True,
    )
    repair_ids = fields.One2many("customer.complaint.repair", "complaint_id", string="Repairs")
    visit_ids = fields.One2many("customer.complaint.visit", "complaint_id", string="Visits")
    repair_count = fields.Integer(compute="_compute_counts")
    visit_count = fields.Integer(compute="_compute_counts")
    satisfaction = fields.Float(
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="Average score of the follow-up visits (1-5).",
    )
    parent_id = fields.Many2one(
        "customer.complaint", string="Previous Complaint", index="btree_not_null", copy=False
    )
    child_ids = fields.One2many("customer.complaint", "parent_id", string="Follow-up Complaints")

    @api.depends("partner_id", "category_id")
    def _compute_user_id(self):
        for complaint in self:
            salesperson = complaint.partner_id.commercial_partner_id.user_id
            complaint.user_id = (
                salesperson or complaint.category_id.team_user_ids[:1] or complaint.user_id
            )

    @api.depends("category_id")
    def _compute_manager_id(self):
        for complaint in self:
            complaint.manager_id = complaint.category_id.manager_id or complaint.manager_id

    @api.depends("received_at", "company_id", "priority", "category_id")
    def _compute_deadlines(self):
        """Targets of the complaint's priority and category (Configuration › Service Levels)."""
        targets = self.env["customer.complaint.sla"]._targets(self)
        for complaint in self:
            received = complaint.received_at
            if not received:
                complaint.response_deadline = complaint.registration_deadline = False
                continue
            hours, days = targets[complaint]
            complaint.response_deadline = received + timedelta(hours=hours)
            calendar = complaint.company_id.resource_calendar_id
            deadline = calendar._get_working_day_end(received, days) if calendar else False
            complaint.registration_deadline = deadline or received + timedelta(days=days)

    @api.model
    def _recompute_registration_deadlines(self, companies=None):
        """Recount the deadlines of unregistered complaints after a change of the calendar."""
        domain = [("state", "in", OPEN_STATES), ("registered_at", "=", False)]
        if companies is not None:
            domain.append(("company_id", "in", companies.ids))
        complaints = self.sudo().search(domain)
        self.env.add_to_compute(self._fields["registration_deadline"], complaints)
        self.env.add_to_compute(self._fields["response_deadline"], complaints)

    @api.depends("received_at", "acknowledged_at")
    def _compute_response_hours(self):
        for complaint in self:
            if complaint.received_at and complaint.acknowledged_at:
                delta = complaint.acknowledged_at - complaint.received_at
                complaint.response_hours = max(delta.total_seconds(), 0) / 3600
            else:
                complaint.response_hours = 0.0

    @api.depends("acknowledged_at", "registered_at", "response_deadline", "registration_deadline")
    def _compute_sla_met(self):
        for complaint in self:
            complaint.sla_met = bool(
                complaint.acknowledged_at
                and complaint.registered_at
                and complaint.acknowledged_at <= complaint.response_deadline
                and complaint.registered_at <= complaint.registration_deadline
            )

    @api.depends("state", "acknowledged_at", "registered_at")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.is_overdue = complaint.state in OPEN_STATES and (
                (not complaint.acknowledged_at and complaint.response_deadline < now)
                or (not complaint.registered_at and complaint.registration_deadline < now)
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on overdue complaints."))
        now = fields.Datetime.now()
        domain = [
            ("state", "in", OPEN_STATES),
            "|",
            "&",
            ("acknowledged_at", "=", False),
            ("response_deadline", "<", now),
            "&",
            ("registered_at", "=", False),
            ("registration_deadline", "<", now),
        ]
        if (operator == "=") != bool(value):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("repair_ids", "visit_ids")
    def _compute_counts(self):
        for complaint in self:
            complaint.repair_count = len(complaint.repair_ids)
            complaint.visit_count = len(complaint.visit_ids)

    @api.depends("visit_ids.score_average")
    def _compute_satisfaction(self):
        for complaint in self:
            scores = complaint.visit_ids.mapped("score_average")
            complaint.satisfaction = sum(scores) / len(scores) if scores else 0.0

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return res

    @api.constrains("partner_id", "sale_order_id", "invoice_id")
    def _check_customer_documents(self):
        for complaint in self:
            for name in self._customer_document_fields:
                document = complaint[name].sudo()
                if document and (
                    document.partner_id.commercial_partner_id != complaint.commercial_partner_id
                ):
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of %(customer)s: a complaint names "
                            "its customer's own orders, invoices and contracts.",
                            document=document.display_name,
                            customer=complaint.commercial_partner_id.display_name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        for complaint in complaints:
            partners = complaint.contact_id | complaint.partner_id
            complaint.message_subscribe(partner_ids=partners.filtered("email").ids)
        return complaints

    def _track_template(self, changes):
        res = super()._track_template(changes)
        complaint = self[0]
        if "state" in changes and complaint.state == "acknowledged":
            template = self.env.ref(
                "complaint_tracking.mail_template_complaint_acknowledged", raise_if_not_found=False
            )
            if template:
                res["state"] = (
                    template,
                    {
                        "auto_delete_keep_log": False,
                        "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                        "email_layout_xmlid": "mail.mail_notification_light",
                    },
                )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new_or_cancelled(self):
        if destruction_allowed(self):
            return
        if any(c.state not in ("new", "cancelled") for c in self):
            raise UserError(self.env._("Only new or cancelled complaints can be deleted."))

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Unresolved complaint"),
                [("state", "not in", ("closed", "cancelled"))],
            )
        ]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Complaint Form %s", self.name)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_state(self, allowed):
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is %(state)s: this step is not possible.",
                        name=complaint.name,
                        state=dict(complaint._fields["state"]._description_selection(self.env))[
                            complaint.state
                        ],
                    )
                )

    def _check_first_contact(self):
        missing = self.filtered(
            lambda c: not c.first_contact_method or not (c.handling_plan or "").strip()
        )
        if missing:
            raise UserError(
                self.env._(
                    "Record how the customer was contacted and the handling plan told to the "
                    "customer before acknowledging %s.",
                    ", ".join(missing.mapped("name")),
                )
            )

    def _check_registration(self):
        """The complaint form of regulation 004 is complete: what, when, who, which order."""
        for complaint in self:
            missing = [
                complaint._fields[name]._description_string(self.env)
                for name in ("occurred_at", "fault_party", "work_order_ref", "customer_demand")
                if not (
                    complaint[name].strip() if isinstance(complaint[name], str) else complaint[name]
                )
            ]
            if len((complaint.description or "").strip()) < MIN_FACTS_LENGTH:
                missing.insert(
                    0,
                    self.env._(
                        "%(field)s (at least %(count)s characters)",
                        field=complaint._fields["description"]._description_string(self.env),
                        count=MIN_FACTS_LENGTH,
                    ),
                )
            if missing:
                raise UserError(
                    self.env._(
                        "Complaint %(name)s cannot be registered yet. Fill in: %(fields)s.",
                        name=complaint.name,
                        fields=self.env._(", ").join(missing),
                    )
                )
            if complaint.occurred_at > fields.Datetime.now():
                raise UserError(
                    self.env._(
                        "Complaint %s: the occurrence time lies in the future.", complaint.name
                    )
                )

    def action_acknowledge(self):
        """First contact with the customer: the handling plan is recorded and sent to him."""
        self._check_state(("new",))
        self._check_first_contact()
        with self._workflow_pass():
            self.write({"state": "acknowledged", "acknowledged_at": fields.Datetime.now()})
        return True

    def _register_form(self):
        """Registration of the complaint form: the sales manager is informed (regulation 004)."""
        self._check_registration()
        now = fields.Datetime.now()
        for complaint in self:
            with complaint._workflow_pass():
                complaint.write(
                    {
                        "acknowledged_at": complaint.acknowledged_at or now,
                        "registered_at": now,
                    }
                )
            manager = complaint._get_sales_manager()
            if manager:
                complaint.message_post(
                    body=self.env._(
                        "Complaint form registered and reported to the sales manager %s.",
                        manager.name,
                    ),
                    partner_ids=manager.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )

    def action_investigate(self):
        """The complaint form is complete and registered: investigation starts."""
        self._check_state(("new", "acknowledged"))
        self._register_form()
        with self._workflow_pass():
            self.write({"state": "investigating"})
        return True

    def action_resolve(self):
        self._check_state(OPEN_STATES)
        missing = self.filtered(lambda c: not c.root_cause or not c.measures)
        if missing:
            raise UserError(
                self.env._(
                    "Fill in the root cause and the measures before resolving %s.",
                    ", ".join(missing.mapped("name")),
                )
            )
        self.filtered(lambda c: not c.registered_at)._register_form()
        with self._workflow_pass():
            self.write({"state": "resolved", "resolved_at": fields.Datetime.now()})
        return True

    def _confirm_by_customer(self, channel):
        """The customer confirmed the resolution: the complaint closes unless a visit is due."""
        self._check_state(("resolved",))
        with self._workflow_pass():
            self.write(
                {
                    "customer_confirmed": True,
                    "customer_confirmed_at": fields.Datetime.now(),
                    "confirmation_channel": channel,
                }
            )
        self.filtered(lambda c: c.visit_ids or not c.category_id.visit_required).action_close()

    def action_record_confirmation(self):
        """Open the dialog recording how the customer confirmed the resolution."""
        self.ensure_one()
        self._check_state(("resolved",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Confirmation"),
            "res_model": "customer.complaint.confirmation.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def action_close(self):
        self._check_state(("resolved",))
        for complaint in self:
            if not complaint.root_cause or not complaint.measures:
                raise UserError(
                    self.env._(
                        "Fill in the root cause and the measures before closing %s.",
                        complaint.name,
                    )
                )
            if not complaint.customer_confirmed:
                raise UserError(
                    self.env._(
                        "Complaint %s can be closed once the customer has confirmed the "
                        "resolution (in the portal, or recorded by the handler).",
                        complaint.name,
                    )
                )
            if complaint.category_id.visit_required and not complaint.visit_ids:
                raise UserError(
                    self.env._(
                        "Complaint %s needs a follow-up visit before it can be closed.",
                        complaint.name,
                    )
                )
        with self._workflow_pass():
            self.write({"state": "closed", "closed_at": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_state(OPEN_STATES)
        with self._workflow_pass():
            self.write({"state": "cancelled"})
        return True

    def action_reset_to_new(self):
        self._check_state(("cancelled",))
        with self._workflow_pass():
            self.write({"state": "new"})
        return True

    def action_reopen(self):
        self._check_state(("resolved", "closed"))
        with self._workflow_pass():
            self.write(
                {
                    "state": "investigating",
                    "resolved_at": False,
                    "closed_at": False,
                    "customer_confirmed": False,
                    "customer_confirmed_at": False,
                    "confirmation_channel": False,
                }
            )
        return True

    def _handle_unsatisfied_visit(self, visit):
        """Reopen the complaint (or file a linked one) and plan a manager call-back."""
        self.ensure_one()
        limit = fields.Datetime.now() - timedelta(days=REOPEN_DAYS)
        if self.state == "closed" and self.closed_at and self.closed_at < limit:
            target = self._open_for_unsatisfied_answer(
                visit,
                self.env._(
                    "Customer unsatisfied at the follow-up visit of %(date)s on "
                    "complaint %(name)s.\n%(comment)s",
                    date=visit.date,
                    name=self.name,
                    comment=visit.comment or "",
                ),
                "visit" if visit.method == "visit" else "phone",
                parent=self,
            )
            self.message_post(
                body=self.env._("Unsatisfied follow-up visit: new complaint %s filed.", target.name)
            )
            return target
        if self.state in ("resolved", "closed"):
            self.action_reopen()
            self.message_post(body=self.env._("Reopened after an unsatisfied follow-up visit."))
        self._plan_call_back(visit.comment)
        return self

    @api.model
    def _open_for_unsatisfied_answer(self, answer, description, channel, parent=None):
        """File the complaint form for an unsatisfied visit or survey (regulation 004) and plan
        the manager's call-back."""
        vals = {
            "company_id": answer.company_id.id,
            "partner_id": answer.partner_id.id,
            "channel": channel,
            "description": description,
        }
        if parent:
            vals.update(
                {
                    "parent_id": parent.id,
                    "partner_id": parent.partner_id.id,
                    "contact_id": parent.contact_id.id,
                    "category_id": parent.category_id.id,
                    "user_id": parent.user_id.id,
                    "manager_id": parent.manager_id.id,
                    "sale_order_id": parent.sale_order_id.id,
                    "invoice_id": parent.invoice_id.id,
                    "product_id": parent.product_id.id,
                }
            )
        complaint = self.create(vals)
        complaint._plan_call_back(answer.comment)
        return complaint

    def _plan_call_back(self, note):
        self.ensure_one()
        self.activity_schedule(
            "mail.mail_activity_data_call",
            user_id=self._get_escalation_user().id,
            summary=self.env._("Call back the unsatisfied customer"),
            note=note or "",
        )

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    def _get_escalation_user(self):
        self.ensure_one()
        if self.manager_id:
            return self.manager_id
        group = self.env.ref("complaint_tracking.group_complaint_manager")
        managers = group.sudo().users.filtered(
            lambda u: not u.share and self.company_id in u.company_ids
        )
        return (managers - self.env.ref("base.user_root"))[:1] or self.user_id or self.env.user

    def _get_sales_manager(self):
        """The sales manager the account manager reports to (regulation 004: 上报销售经理)."""
        self.ensure_one()
        salesperson = self.partner_id.commercial_partner_id.user_id or self.user_id
        leader = salesperson.sudo().sale_team_id.user_id
        if leader and leader != salesperson:
            return leader
        group = self.env.ref("sales_team.group_sale_manager")
        managers = group.sudo().users.filtered(
            lambda u: not u.share and u.active and self.company_id in u.company_ids
        )
        return (managers - self.env.ref("base.user_root"))[:1]

    def action_escalate(self):
        """Open the dialog asking why the complaint goes up to the managers."""
        self._check_state(OPEN_STATES)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Escalate Complaint"),
            "res_model": "customer.complaint.escalate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_ids": self.ids},
        }

    def _escalate(self, reason=None):
        """Report to the complaints manager and the sales manager, with an activity each."""
        self._check_state(OPEN_STATES)
        now = fields.Datetime.now()
        for complaint in self:
            if reason:
                why = reason
            else:
                reasons = []
                if not complaint.acknowledged_at and complaint.response_deadline < now:
                    reasons.append(self.env._("no first contact by the response deadline"))
                if not complaint.registered_at and complaint.registration_deadline < now:
                    reasons.append(self.env._("not registered by the registration deadline"))
                why = self.env._(", ").join(reasons)
            managers = complaint._get_escalation_user() | complaint._get_sales_manager()
            for manager in managers:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._("Escalated complaint: %s", why)[:200],
                    note=why,
                )
            complaint.message_post(
                body=self.env._(
                    "Complaint escalated to %(managers)s: %(reason)s.",
                    managers=", ".join(managers.mapped("name")),
                    reason=why,
                ),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        with self._workflow_pass():
            self.write({"escalated_at": now})

    @api.model
    def _cron_escalate_overdue(self):
        """Escalate each overdue complaint once to its complaints manager."""
        overdue = self.search([("is_overdue", "=", True), ("escalated_at", "=", False)])
        for company in overdue.company_id:
            overdue.filtered(lambda c, co=company: c.company_id == co).with_company(
                company
            )._escalate()
        return True
