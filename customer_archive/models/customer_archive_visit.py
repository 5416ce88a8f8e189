from odoo import api, fields, models

NEXT_VISIT_ARRANGEMENTS = [
    ("sample", "Sample making"),
    ("trial_order", "Trial order"),
    ("plant_tour", "Tour of our plant"),
    ("dinner", "Business dinner"),
    ("executive_meeting", "Meeting of executives"),
    ("industry_event", "Customer's industry event"),
    ("other", "Other"),
]

# What the visit's communication log entry and its next-visit activity are made of.
SYNCED_FIELDS = {
    "date",
    "purpose",
    "user_id",
    "contact_id",
    "next_visit_arrangement",
    "next_visit_note",
}
PLANNING_FIELDS = {"next_visit_date", "next_visit_arrangement", "next_visit_note", "user_id"}


class CustomerArchiveVisit(models.Model):
    """A customer visit (客户拜访) with the regulation's checklist. The visit counts for the
    visit plan through the entry it writes in the customer's communication log; the
    checklist (suppliers, prices) stays with the salesperson and the managers."""

    _name = "customer.archive.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin"]
    # Set by the system: the dossier of the customer and the visit's entry in its log.
    _workflow_fields = ("archive_id", "communication_id")
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("parent_id", "=", False)],
    )
    archive_id = fields.Many2one(
        "customer.archive", "Dossier", readonly=True, index=True, ondelete="set null"
    )
    customer_category = fields.Selection(related="partner_id.customer_category")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    purpose = fields.Char(required=True, tracking=True)
    # 1. 客户名称、地址、负责人、电话、组织架构、客户业务类型、客户的客户
    street = fields.Char(related="partner_id.street", string="Address")
    phone = fields.Char(related="partner_id.phone")
    contact_id = fields.Many2one(
        "res.partner",
        "Person in Charge",
        domain="[('parent_id', '=', partner_id)]",
        help="The customer's person in charge met at the visit.",
    )
    organization = fields.Text("Organization Structure")
    business_type = fields.Char("Customer's Business Type")
    customers_of_customer = fields.Text("Customer's Customers")
    # 2. 行业地位、业务发展状况
    industry_position = fields.Text("Position in the Industry")
    business_development = fields.Text()
    # 3. 负责人的行业活动、会议、杂志、性格爱好
    decision_maker_profile = fields.Text(
        "Person in Charge: Events, Magazines, Interests",
        help="Industry events and meetings the person in charge attends, the trade magazines "
        "he reads, his character and hobbies.",
    )
    # 4. 产品产生的流程
    production_process = fields.Text()
    # 5. 印后设备、外包生产与每月外包量
    equipment = fields.Text("Finishing Equipment")
    outsourcing = fields.Text(
        "Outsourced Production", help="What is outsourced and how much per month."
    )
    # 6. 选择供应商的标准、目前供应商(竞争对手)、看重什么、合作中的问题
    supplier_criteria = fields.Text("Supplier Selection Criteria")
    competitor = fields.Char(
        "Current Supplier (Competitor)",
        tracking=True,
        help="Who supplies the customer today, and for how long.",
    )
    supplier_strengths = fields.Text("What the Customer Values Most in a Supplier")
    supplier_issues = fields.Text("Problems with the Current Supplier")
    # 7. 合作流程、主要用量的价格、结款流程
    supplier_process = fields.Text("Ordering Process with the Supplier")
    current_price = fields.Char("Current Price of the Main Products")
    payment_process = fields.Text()
    # 8. 对我们公司的印象、拜访中遇到的最大问题
    impression = fields.Text("Impression of Our Company")
    main_problem = fields.Text("Main Problem Met at the Visit")
    # 9. 下一步拜访安排
    next_visit_arrangement = fields.Selection(NEXT_VISIT_ARRANGEMENTS, "Next Step", tracking=True)
    next_visit_date = fields.Date("Next Visit On", tracking=True)
    next_visit_note = fields.Char("Next Visit Plan")
    communication_id = fields.Many2one(
        "customer.archive.communication",
        "Communication Log Entry",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = f"{visit.partner_id.display_name or ''} {visit.date or ''}".strip()

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id.company_id:
            self.company_id = self.partner_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        # The customer's file is the system's to give: a customer visited has a dossier.
        visits.partner_id.commercial_partner_id.sudo()._ensure_archive()
        for visit in visits.sudo():
            visit.archive_id = visit.partner_id.commercial_partner_id.archive_id
        visits._sync_communication()
        visits._plan_next_visit()
        return visits

    def write(self, vals):
        result = super().write(vals)
        if {
            "date",
            "purpose",
            "user_id",
            "contact_id",
            "next_visit_arrangement",
            "next_visit_note",
        } & set(vals):
            self._sync_communication()
        if {"next_visit_date", "next_visit_arrangement", "next_visit_note", "user_id"} & set(vals):
            self._plan_next_visit()
        return result

    def unlink(self):
        """A visit deleted (by a manager) leaves the communication log, and the visit plan."""
        entries = self.communication_id
        result = super().unlink()
        entries.sudo().unlink()
        return result

    def _next_step_label(self):
        """The next step agreed, in the salesperson's language (it is stored as text)."""
        self.ensure_one()
        env = self.with_context(lang=self.user_id.lang or self.env.lang).env
        arrangements = dict(self._fields["next_visit_arrangement"]._description_selection(env))
        return self.next_visit_note or arrangements.get(self.next_visit_arrangement) or ""

    def _communication_values(self):
        self.ensure_one()
        return {
            "purpose": self.purpose,
            "date": self.date,
            "user_id": self.user_id.id,
            "communication_type": "visit",
            "contact_id": self.contact_id.id,
            "next_step": self._next_step_label() or False,
        }

    def _sync_communication(self):
        """The visit in the public communication log (沟通记录): date, purpose and next step,
        written by the system (the log's rules let a salesperson write his own customers'
        only, and colleagues visit a customer too)."""
        Communication = self.env["customer.archive.communication"].sudo()
        for visit in self.filtered("archive_id"):
            values = visit._communication_values()
            if visit.communication_id:
                visit.communication_id.sudo().write(values)
            else:
                visit.sudo().communication_id = Communication.create(
                    {**values, "archive_id": visit.archive_id.id}
                )

    def _plan_next_visit(self):
        """The next visit agreed with the customer is an activity of the salesperson."""
        activity_type = self.env.ref("customer_archive.mail_activity_type_next_visit")
        for visit in self:
            planned = visit.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if not visit.next_visit_date:
                planned.unlink()
                continue
            values = {
                "date_deadline": visit.next_visit_date,
                "user_id": visit.user_id.id,
                "summary": visit._next_step_label()
                or activity_type.with_context(lang=visit.user_id.lang).summary,
            }
            if planned:
                planned.write(values)
            else:
                visit.activity_schedule(activity_type_id=activity_type.id, **values)
