from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    visit_weekly_target = fields.Integer(
        "Weekly Visits per Salesperson",
        help="Visits each salesperson of the team makes in seven days; 0 for the company's.",
    )

    _sql_constraints = [
        (
            "visit_weekly_target_positive",
            "CHECK(visit_weekly_target >= 0)",
            "The weekly visit target cannot be negative.",
        ),
    ]
