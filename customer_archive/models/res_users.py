from datetime import timedelta

from odoo import api, fields, models

from ..tools import schedule_activity_once

# The visit discipline counts the visits of a rolling week (客户经理每周至少拜访20次客户).
VISIT_WEEK_DAYS = 7


class ResUsers(models.Model):
    _inherit = "res.users"

    visit_weekly_target = fields.Integer(
        "Weekly Visits",
        help="Visits this salesperson makes in seven days; 0 for his sales team's or "
        "company's target.",
    )

    _sql_constraints = [
        (
            "visit_weekly_target_positive",
            "CHECK(visit_weekly_target >= 0)",
            "The weekly visit target cannot be negative.",
        ),
    ]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["visit_weekly_target"]

    @api.model
    def review_user_count(self):
        """The approvals of the top bar, named in the user's language (OCA shows each
        model's description in English)."""
        rows = super().review_user_count()
        models_ = (
            self.env["ir.model"].sudo().search([("model", "in", [row["model"] for row in rows])])
        )
        names = {model.model: model.name for model in models_}
        for row in rows:
            row["name"] = names.get(row["model"], row["name"])
        return rows

    # ------------------------------------------------------------ visit discipline

    def _visit_weekly_target(self):
        """The weekly visit target of each user: his own, else his sales team's, else his
        company's."""
        return {
            user: user.visit_weekly_target
            or user.sale_team_id.visit_weekly_target
            or user.company_id.visit_weekly_target
            for user in self.sudo()
        }

    @api.model
    def _visit_salespeople(self):
        """The salespeople the visit discipline applies to (客户经理): internal users of a
        sales team or holding customers, not the sales managers."""
        Archive = self.env["customer.archive"].sudo()
        holders = [
            user.id for (user,) in Archive._read_group([("user_id", "!=", False)], ["user_id"])
        ]
        return self.sudo().search(
            [
                ("share", "=", False),
                ("groups_id", "in", self.env.ref("sales_team.group_sale_salesman").ids),
                ("groups_id", "not in", self.env.ref("sales_team.group_sale_manager").ids),
                "|",
                ("id", "in", holders),
                ("sale_team_id", "!=", False),
            ]
        )

    def _visit_week_counts(self, today=None):
        """Visits each of ``self`` recorded in the rolling week up to ``today``, in one query."""
        today = today or fields.Date.context_today(self)
        groups = (
            self.env["customer.archive.communication"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", self.ids),
                    ("communication_type", "=", "visit"),
                    ("date", ">", today - timedelta(days=VISIT_WEEK_DAYS)),
                    ("date", "<=", today),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        counts = dict(groups)
        return {user: counts.get(user, 0) for user in self}

    @api.model
    def _cron_visit_target_reminder(self):
        """Daily: each salesperson behind his weekly visit target gets one activity (on his
        contact card), until he has done it. Returns the salespeople reminded."""
        salespeople = self._visit_salespeople()
        targets = salespeople._visit_weekly_target()
        counts = salespeople._visit_week_counts()
        behind = salespeople.filtered(lambda user: counts[user] < targets[user])
        activity_type = self.env.ref("customer_archive.mail_activity_type_visit_target")
        reminded = schedule_activity_once(
            behind.partner_id.sudo(),
            activity_type,
            lambda partner: partner.user_ids[:1].id,
        )
        return reminded.user_ids & behind
