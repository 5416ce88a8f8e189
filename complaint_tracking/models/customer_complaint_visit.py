from odoo import api, fields, models

SCORE_FIELDS = ("score_quality", "score_response", "score_speed", "score_attitude")
UNSATISFIED_SCORE = 2


class CustomerComplaintVisit(models.Model):
    """Follow-up visit (回访) with the customer's satisfaction scores."""

    _name = "customer.complaint.visit"
    _description = "Follow-up Visit"
    _order = "date desc, id desc"
    _check_company_auto = True

    complaint_id = fields.Many2one(
        "customer.complaint",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="complaint_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="complaint_id.partner_id", store=True)
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
    score_quality = fields.Integer(string="Quality", required=True, default=5)
    score_response = fields.Integer(string="Response Time", required=True, default=5)
    score_speed = fields.Integer(string="Service Speed", required=True, default=5)
    score_attitude = fields.Integer(string="Service Attitude", required=True, default=5)
    score_average = fields.Float(
        string="Average Score", compute="_compute_score_average", store=True, aggregator="avg"
    )
    is_unsatisfied = fields.Boolean(
        string="Unsatisfied", compute="_compute_score_average", store=True
    )
    comment = fields.Text()

    _sql_constraints = tuple(
        (
            f"{score}_range",
            f"CHECK({score} BETWEEN 1 AND 5)",
            "Satisfaction scores range from 1 to 5.",
        )
        for score in SCORE_FIELDS
    )

    @api.depends(*SCORE_FIELDS)
    def _compute_score_average(self):
        for visit in self:
            scores = [visit[score] for score in SCORE_FIELDS]
            visit.score_average = sum(scores) / len(scores)
            visit.is_unsatisfied = min(scores) <= UNSATISFIED_SCORE

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        for visit in visits:
            complaint = visit.complaint_id
            if visit.is_unsatisfied:
                complaint._handle_unsatisfied_visit(visit)
            elif complaint.state == "resolved":
                # A satisfied customer at the follow-up confirms the resolution.
                complaint._confirm_by_customer(visit.method)
        return visits
