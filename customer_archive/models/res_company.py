from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Visit discipline (客户拜访制度, 004)
    visit_weekly_target = fields.Integer(
        "Weekly Visits per Salesperson",
        default=20,
        help="Visits each salesperson makes in seven days (客户经理每周至少拜访20次客户); "
        "a sales team or a salesperson may have another target. 0 for none.",
    )
    daily_report_auto = fields.Boolean(
        "Send Daily Reports Automatically",
        help="Each salesperson's daily report (销售日报) is e-mailed to his sales manager at the "
        "hour set, unless he sent it himself.",
    )
    daily_report_hour = fields.Float(
        default=18.0,
        help="Local time (of the salesperson) after which the day's report is sent.",
    )

    _sql_constraints = [
        (
            "visit_weekly_target_positive",
            "CHECK(visit_weekly_target >= 0)",
            "The weekly visit target cannot be negative.",
        ),
        (
            "daily_report_hour_range",
            "CHECK(daily_report_hour >= 0 AND daily_report_hour < 24)",
            "The daily report hour lies between 00:00 and 23:59.",
        ),
    ]

    def _sales_managers(self):
        """The sales managers of the company (who receive a daily report when the
        salesperson's team has no leader)."""
        self.ensure_one()
        managers = self.env.ref("sales_team.group_sale_manager").sudo().users
        return managers.filtered(
            lambda user: (
                not user.share
                and self in user.company_ids
                and user != self.env.ref("base.user_root")
            )
        ).sorted("id")
