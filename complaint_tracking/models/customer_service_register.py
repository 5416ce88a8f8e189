from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CustomerServiceRegister(models.Model):
    """Customer-service register (客户服务工作台账) of one period and company: the
    complaints received in the period in the columns of regulation 000 (客户、联系方式、
    投诉内容、处理过程、处理结果、满意度), printed and signed off by the customer-service
    supervisor. The sign-off runs on the approval engine (tier definition in
    data/customer_service_register_tier_data.xml): the register is submitted, the
    supervisor approves it with his opinion, and it is signed.

    Until it is signed, the rows are read live, with the rights of whoever reads or prints
    the register: its record rules decide which complaints he sees. The sign-off stores the
    rows the supervisor signed (``line_ids``, written by the workflow only); a signed register
    shows and prints those, whatever happens to the complaints afterwards."""

    _name = "customer.service.register"
    _description = "Customer Service Register"
    _inherit = ("mail.thread", "workflow.guard.mixin", "tier.validation")
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _state_from = ["to_sign"]
    _state_to = ["signed"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("submitted_by_id",)
    _workflow_fields = (
        "state",
        "validation_status",
        "submitted_by_id",
        "submitted_date",
        "signed_by_id",
        "signed_date",
        "sign_note",
        "line_ids",
    )
    _workflow_frozen_fields = ("company_id", "date_from", "date_to")
    _workflow_frozen_states = ("to_sign", "signed")

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(
        "From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        "To",
        required=True,
        compute="_compute_date_to",
        store=True,
        readonly=False,
        precompute=True,
        help="The end of the period the supervisor signs: a month by default.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "To Sign"), ("signed", "Signed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    complaint_ids = fields.Many2many(
        "customer.complaint",
        compute="_compute_complaint_ids",
        string="Complaints",
        help="The complaints received in the period.",
    )
    complaint_count = fields.Integer("Complaints Received", compute="_compute_complaint_ids")
    line_ids = fields.One2many(
        "customer.service.register.line",
        "register_id",
        "Signed Rows",
        readonly=True,
        copy=False,
        help="The rows as the supervisor signed them, stored at the sign-off.",
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    signed_date = fields.Datetime("Signed On", readonly=True, copy=False)
    sign_note = fields.Text("Supervisor's Opinion", readonly=True, copy=False)

    _sql_constraints = (
        (
            "company_period_uniq",
            "UNIQUE(company_id, date_from)",
            "There is already a customer service register for this period.",
        ),
        (
            "dates_order",
            "CHECK(date_from <= date_to)",
            "A customer service register cannot end before it starts.",
        ),
    )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for register in self:
            if not register.date_from or not register.date_to:
                register.name = False
            elif register.date_to == register.date_from + relativedelta(day=31):
                register.name = register.date_from.strftime("%Y-%m")
            else:
                register.name = f"{register.date_from} - {register.date_to}"

    @api.depends("date_from")
    def _compute_date_to(self):
        for register in self:
            if register.date_from:
                register.date_to = register.date_from + relativedelta(day=31)

    @api.constrains("company_id", "date_from", "date_to")
    def _check_no_overlap(self):
        for register in self:
            overlap = self.search_count(
                [
                    ("id", "!=", register.id),
                    ("company_id", "=", register.company_id.id),
                    ("date_from", "<=", register.date_to),
                    ("date_to", ">=", register.date_from),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "The periods of the customer service registers of a company do not "
                        "overlap: %s covers days of another register.",
                        register.name,
                    )
                )

    def _complaint_domain(self):
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to + relativedelta(days=1))
        return [
            ("company_id", "=", self.company_id.id),
            ("received_at", ">=", start),
            ("received_at", "<", end),
            ("state", "!=", "cancelled"),
        ]

    @api.depends("company_id", "date_from", "date_to")
    def _compute_complaint_ids(self):
        Complaint = self.env["customer.complaint"]
        for register in self:
            if register.company_id and register.date_from and register.date_to:
                complaints = Complaint.search(register._complaint_domain(), order="received_at, id")
            else:
                complaints = Complaint
            register.complaint_ids = complaints
            register.complaint_count = len(complaints)

    # ------------------------------------------------------------------ rows
    def _register_rows(self):
        """The rows of the register in the order of receipt, the regulation's columns as
        printed text: as signed once the register is signed, else one per complaint the
        reader may see."""
        self.ensure_one()
        if self.state == "signed":
            return [line._row() for line in self.line_ids]
        return self._live_rows()

    def _live_rows(self):
        self.ensure_one()
        complaints = self.complaint_ids
        states = dict(complaints._fields["state"]._description_selection(self.env))
        _ = self.env._
        rows = []
        for complaint in complaints:
            contact = complaint.contact_id or complaint.partner_id
            customer = complaint.commercial_partner_id
            reach = [
                value
                for value in (
                    contact.phone or customer.phone,
                    contact.mobile or customer.mobile,
                    contact.email or customer.email,
                )
                if value
            ]
            content = [complaint.description or ""]
            if complaint.customer_demand:
                content.append(_("Demand: %s", complaint.customer_demand))
            process = []
            if complaint.handling_plan:
                process.append(complaint.handling_plan)
            if complaint.measures:
                process.append(_("Measures: %s", complaint.measures))
            for repair in complaint.repair_ids:
                process.append(
                    _(
                        "Repair %(date)s: %(measures)s",
                        date=repair.date,
                        measures=repair.measures or repair.fault or "",
                    )
                )
            for visit in complaint.visit_ids:
                process.append(
                    _(
                        "Follow-up visit %(date)s: %(comment)s",
                        date=visit.date,
                        comment=visit.comment or "",
                    )
                )
            result = [states.get(complaint.state, "")]
            if complaint.compensation:
                result.append(_("Compensation: %s", complaint.compensation))
            if complaint.customer_confirmed:
                result.append(
                    _(
                        "Confirmed by the customer on %s",
                        fields.Date.context_today(self, complaint.customer_confirmed_at),
                    )
                )
            rows.append(
                {
                    "complaint": complaint,
                    "number": complaint.name or "",
                    "received": complaint.received_at,
                    "customer": customer.display_name or "",
                    "contact": contact.name if contact != customer else "",
                    "reach": " / ".join(reach),
                    "content": "\n".join(content),
                    "process": "\n".join(process),
                    "result": "\n".join(result),
                    "satisfaction": complaint.satisfaction,
                    "responsible": complaint.user_id.name or "",
                }
            )
        return rows

    # ------------------------------------------------------------------ sign-off
    def action_submit(self):
        """Submit the register of the period for the supervisor's sign-off."""
        for register in self:
            if register.state != "draft":
                raise UserError(self.env._("Only a draft customer service register is submitted."))
            if register.date_to >= fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "The period of register %s is not over yet: submit it once it ends.",
                        register.name,
                    )
                )
        with self._workflow_pass():
            self.write(
                {
                    "state": "to_sign",
                    "submitted_by_id": self.env.uid,
                    "submitted_date": fields.Datetime.now(),
                }
            )
        self._tier_submit()
        return True

    def _freeze_rows(self):
        """Store the rows the supervisor signs, in the company's language (the language of
        the printed register)."""
        for register in self:
            lang = register.company_id.partner_id.lang or self.env.lang
            rows = register.with_context(lang=lang)._live_rows()
            lines = [
                {
                    "register_id": register.id,
                    "sequence": sequence,
                    "complaint_id": row["complaint"].id,
                    "number": row["number"],
                    "received_at": row["received"],
                    "customer": row["customer"],
                    "contact": row["contact"],
                    "reach": row["reach"],
                    "content": row["content"],
                    "process": row["process"],
                    "result": row["result"],
                    "satisfaction": row["satisfaction"],
                    "responsible": row["responsible"],
                }
                for sequence, row in enumerate(rows, 1)
            ]
            # by the sign-off, whoever the engine lets sign (the lines guard every other write)
            self.env["customer.service.register.line"].sudo().create(lines)

    def _tier_approved(self):
        self._freeze_rows()
        for register in self:
            approval = register._tier_approver_vals()
            register._tier_write(
                {
                    "state": "signed",
                    "signed_by_id": approval["approver_id"],
                    "signed_date": approval["approval_date"],
                    "sign_note": register._tier_last_review().comment or False,
                }
            )

    def _tier_rejected(self):
        self._tier_write({"state": "draft"})

    def _get_tier_validation_readonly_domain(self):
        return "state != 'draft'"

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(register.state != "draft" for register in self):
            raise UserError(self.env._("A submitted or signed register cannot be deleted."))

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_tracking.customer_complaint_action"
        )
        action["domain"] = self._complaint_domain()
        action["context"] = {}
        return action
