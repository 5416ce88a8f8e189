from odoo import api, fields, models


class CustomerComplaintVisit(models.Model):
    """Follow-up visit (回访): after a complaint, or a periodic visit of a customer."""

    _name = "customer.complaint.visit"
    _description = "Follow-up Visit"
    _inherit = "customer.satisfaction.mixin"
    _order = "date desc, id desc"
    _check_company_auto = True

    complaint_id = fields.Many2one(
        "customer.complaint",
        ondelete="cascade",
        index="btree_not_null",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_from_complaint",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_from_complaint",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    method = fields.Selection(
        [("phone", "Phone"), ("visit", "On-site Visit"), ("email", "E-mail"), ("survey", "Survey")],
        required=True,
        default="phone",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Visited By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    # The scores of customer.satisfaction.mixin: 0 until the customer gives one.
    comment = fields.Text()

    def _complete_planned_followups(self):
        """The periodic follow-up activity of the visited customers is done."""
        planned = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self.commercial_partner_id.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("complaint_tracking.mail_activity_type_followup").id,
                ),
            ]
        )
        if planned:
            planned.sudo().action_feedback(feedback=self.env._("Follow-up visit recorded."))

    @api.depends("complaint_id")
    def _compute_from_complaint(self):
        for visit in self:
            if visit.complaint_id:
                visit.partner_id = visit.complaint_id.partner_id
                visit.company_id = visit.complaint_id.company_id
            elif not visit.company_id:
                visit.company_id = self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits._complete_planned_followups()
        for visit in visits:
            complaint = visit.complaint_id
            if not complaint:
                if visit.is_unsatisfied:
                    self.env["customer.complaint"]._open_for_unsatisfied_answer(
                        visit,
                        self.env._(
                            "Customer unsatisfied at the follow-up visit of %(date)s.\n%(comment)s",
                            date=visit.date,
                            comment=visit.comment or "",
                        ),
                        "visit" if visit.method == "visit" else "phone",
                    )
            elif visit.is_unsatisfied:
                complaint._handle_unsatisfied_visit(visit)
            elif complaint.state == "resolved" and visit.score_average:
                # A satisfied customer at the follow-up confirms the resolution.
                complaint._confirm_by_customer(visit.method)
        return visits
