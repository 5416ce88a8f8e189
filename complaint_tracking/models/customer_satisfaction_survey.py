from odoo import api, fields, models
from odoo.exceptions import UserError

from .customer_satisfaction_mixin import SCORE_FIELDS

MAX_COMMENT_LENGTH = 2000


class CustomerSatisfactionSurvey(models.Model):
    """Satisfaction survey after a delivery (regulation 004: 满意度调查), answered by the
    customer through the link he receives, without an account."""

    _name = "customer.satisfaction.survey"
    _description = "Satisfaction Survey"
    _inherit = (
        "customer.satisfaction.mixin",
        "portal.mixin",
        "mail.thread",
        "workflow.guard.mixin",
        "document.number.mixin",
    )
    _sequence_code = "customer.satisfaction.survey"
    _order = "create_date desc, id desc"
    _check_company_auto = True
    # The answer is the customer's: only the answering step writes it.
    _workflow_fields = ("state", "answered_at", "complaint_id", "comment", *SCORE_FIELDS)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True
    )
    invoice_id = fields.Many2one("account.move", index="btree_not_null", check_company=True)
    origin_ref = fields.Char(
        string="Surveyed Document",
        compute="_compute_origin_ref",
        help="The invoice or delivery the customer is asked about.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        [("pending", "Awaiting Answer"), ("answered", "Answered"), ("cancelled", "Cancelled")],
        default="pending",
        required=True,
        tracking=True,
        index=True,
    )
    answered_at = fields.Datetime(readonly=True, copy=False)
    comment = fields.Text(readonly=True)
    complaint_id = fields.Many2one(
        "customer.complaint", string="Complaint Filed", readonly=True, copy=False
    )

    @api.depends("partner_id")
    def _compute_user_id(self):
        for survey in self:
            survey.user_id = survey.partner_id.commercial_partner_id.user_id

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for survey in self:
            survey.access_url = f"/my/satisfaction/{survey.id}"
        return res

    @api.depends("invoice_id")
    def _compute_origin_ref(self):
        for survey in self:
            survey.origin_ref = survey.invoice_id.name or False

    @api.model
    def _create_for_invoices(self, invoices):
        """One survey per posted customer invoice (the delivery bridge narrows this down)."""
        return self._create_for_documents(
            invoices.filtered(lambda m: m.move_type == "out_invoice"), "invoice_id"
        )

    @api.model
    def _create_for_documents(self, documents, link_field):
        """One survey per document (invoice, delivery) of a company that surveys its
        customers, sent to the customer with its link; never a second one per document."""
        documents = documents.filtered(
            lambda d: (
                d.company_id.complaint_survey_after_invoice
                and d.partner_id.commercial_partner_id.email
            )
        )
        if documents:
            documents -= self.sudo().search([(link_field, "in", documents.ids)])[link_field]
        if not documents:
            return self.browse()
        surveys = self.sudo().create(
            [
                {
                    "company_id": document.company_id.id,
                    "partner_id": document.partner_id.commercial_partner_id.id,
                    link_field: document.id,
                }
                for document in documents
            ]
        )
        template = self.env.ref(
            "complaint_tracking.mail_template_satisfaction_survey", raise_if_not_found=False
        )
        if template:
            for survey in surveys:
                survey.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment", email_layout_xmlid=False
                )
        return surveys

    def _answer(self, scores, comment=""):
        """Record the customer's answer; any score of 2 or less files a complaint."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._("This survey has already been answered. Thank you!"))
        values = {}
        for name in SCORE_FIELDS:
            try:
                score = int(scores.get(name) or 0)
            except (TypeError, ValueError):
                score = 0
            if not 1 <= score <= 5:
                raise UserError(self.env._("Please give every question a score from 1 to 5."))
            values[name] = score
        comment = (comment or "").strip()
        if len(comment) > MAX_COMMENT_LENGTH:
            raise UserError(
                self.env._("Please keep your comment under %s characters.", MAX_COMMENT_LENGTH)
            )
        values.update(state="answered", answered_at=fields.Datetime.now(), comment=comment)
        with self._workflow_pass():
            self.write(values)
            if self.is_unsatisfied:
                survey = self.name
                if self.origin_ref:
                    survey = f"{self.name} ({self.origin_ref})"
                complaint = self.env["customer.complaint"]._open_for_unsatisfied_answer(
                    self,
                    self.env._(
                        "Customer unsatisfied in satisfaction survey %(survey)s.\n%(comment)s",
                        survey=survey,
                        comment=comment,
                    ),
                    "survey",
                )
                self.complaint_id = complaint
        return True

    def action_cancel(self):
        with self._workflow_pass():
            self.filtered(lambda s: s.state == "pending").write({"state": "cancelled"})
        return True
