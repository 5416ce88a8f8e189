from odoo import api, fields, models

# Regulation 004 asks about 制作质量、响应时间、服务速度、服务态度 after a delivery,
# 003 adds 交货期.
SCORE_FIELDS = (
    "score_quality",
    "score_response",
    "score_speed",
    "score_attitude",
    "score_delivery",
)
UNSATISFIED_SCORE = 2


class CustomerSatisfactionMixin(models.AbstractModel):
    """Satisfaction scores from 1 to 5; 0 is a question the customer left unanswered."""

    _name = "customer.satisfaction.mixin"
    _description = "Satisfaction Scores"

    score_quality = fields.Integer(string="Quality")
    score_response = fields.Integer(string="Response Time")
    score_speed = fields.Integer(string="Service Speed")
    score_attitude = fields.Integer(string="Service Attitude")
    score_delivery = fields.Integer(string="Delivery Time")
    score_average = fields.Float(
        string="Average Score", compute="_compute_score_average", store=True, aggregator="avg"
    )
    is_unsatisfied = fields.Boolean(
        string="Unsatisfied",
        compute="_compute_score_average",
        store=True,
        help="At least one score of 2 or less.",
    )

    _sql_constraints = [
        (
            f"{name}_range",
            f"CHECK({name} BETWEEN 0 AND 5)",
            "Satisfaction scores range from 1 to 5.",
        )
        for name in SCORE_FIELDS
    ]

    @api.depends(*SCORE_FIELDS)
    def _compute_score_average(self):
        for record in self:
            scores = [record[name] for name in SCORE_FIELDS if record[name]]
            record.score_average = sum(scores) / len(scores) if scores else 0.0
            record.is_unsatisfied = bool(scores) and min(scores) <= UNSATISFIED_SCORE
