from odoo import api, fields, models

from ..tools import schedule_activity_once


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

    @api.model
    def _visit_salespeople(self):
        """The salespeople the visit discipline applies to (客户经理)."""
        self.env.flush_all()
        return self.env["customer.archive.visit.weekly"].sudo().search([]).user_id

    @api.model
    def _cron_visit_target_reminder(self):
        """Daily: each salesperson behind his weekly visit target gets one activity (on his
        contact card), until he has done it. Returns the salespeople reminded."""
        self.env.flush_all()
        behind = self.env["customer.archive.visit.weekly"].sudo().search([("behind", "=", True)])
        activity_type = self.env.ref("customer_archive.mail_activity_type_visit_target")
        reminded = schedule_activity_once(
            behind.user_id.partner_id.sudo(),
            activity_type,
            lambda partner: partner.user_ids[:1].id,
        )
        return reminded.user_ids & behind.user_id
