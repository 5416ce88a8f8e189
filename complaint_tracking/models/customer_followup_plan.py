from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.customer_archive.models.res_partner import CUSTOMER_CATEGORIES


class CustomerFollowupPlan(models.Model):
    """How often customer service follows up customers of a category (regulation 003: 回访)."""

    _name = "customer.followup.plan"
    _description = "Follow-up Plan"
    _order = "customer_category"
    _rec_name = "customer_category"

    customer_category = fields.Selection(CUSTOMER_CATEGORIES, required=True)
    interval_days = fields.Integer(string="Every (Days)", required=True, default=90)

    _sql_constraints = [
        ("category_unique", "UNIQUE(customer_category)", "One follow-up plan per category."),
        ("interval_positive", "CHECK(interval_days > 0)", "The interval must be positive."),
    ]

    @api.model
    def _cron_plan_followups(self):
        """An activity for each customer whose last follow-up is older than his plan allows,
        unless one is already planned; recording the visit completes it."""
        activity_type = self.env.ref("complaint_tracking.mail_activity_type_followup")
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        for plan in self.search([]):
            customers = Partner.search(
                [
                    ("customer_category", "=", plan.customer_category),
                    ("is_company", "=", True),
                    ("customer_rank", ">", 0),
                ]
            )
            if not customers:
                continue
            since = today - timedelta(days=plan.interval_days)
            followed = {
                partner.commercial_partner_id
                for (partner,) in self.env["customer.complaint.visit"]._read_group(
                    [("partner_id", "in", customers.ids), ("date", ">", since)], ["partner_id"]
                )
            }
            followed |= {
                partner
                for (partner,) in self.env["customer.satisfaction.survey"]._read_group(
                    [
                        ("partner_id", "in", customers.ids),
                        ("state", "=", "answered"),
                        ("answered_at", ">", since),
                    ],
                    ["partner_id"],
                )
            }
            planned = self.env["mail.activity"].search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", customers.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            skip = {partner.id for partner in followed} | set(planned.mapped("res_id"))
            for customer in customers:
                if customer.id in skip:
                    continue
                user = customer.user_id or self.env.user
                customer.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    # in the language of whoever does the follow-up, not the scheduler's
                    summary=self.with_context(lang=user.lang).env._(
                        "Follow up this customer (every %s days)", plan.interval_days
                    ),
                )
        return True
