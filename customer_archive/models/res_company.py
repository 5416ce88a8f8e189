from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import DEFAULT_PROTECTED_FIELDS, PROTECTABLE_FIELDS

PROTECTABLE_DOMAIN = [("model", "=", "res.partner"), ("name", "in", list(PROTECTABLE_FIELDS))]


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

    customer_protected_field_ids = fields.Many2many(
        "ir.model.fields",
        "res_company_customer_protected_field_rel",
        "company_id",
        "field_id",
        string="Customer Fields Under Change Control",
        domain=PROTECTABLE_DOMAIN,
        default=lambda self: self._default_customer_protected_fields(),
        help="Once a customer is approved, a salesperson changes these fields only through a "
        "change request (客户信息变更表) approved by the sales manager; the other fields he "
        "edits, tracked in the customer's chatter.",
    )

    @api.model
    def _default_customer_protected_fields(self):
        return (
            self.env["ir.model.fields"]
            .sudo()
            .search([("model", "=", "res.partner"), ("name", "in", DEFAULT_PROTECTED_FIELDS)])
        )

    @api.model
    def _init_customer_protected_fields(self):
        """The regulation's set for the companies without one (installation, upgrade)."""
        companies = self.sudo().search([("customer_protected_field_ids", "=", False)])
        companies.customer_protected_field_ids = self._default_customer_protected_fields()

    @api.constrains("customer_protected_field_ids")
    def _check_customer_protected_fields(self):
        for company in self:
            wrong = (
                company.customer_protected_field_ids
                - company.customer_protected_field_ids.filtered_domain(PROTECTABLE_DOMAIN)
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(fields)s cannot be put under change control: a change request "
                        "proposes the customer's code, names, tax ID, bank account, "
                        "classification, credit, payment terms, head office, contact details, "
                        "service requirements and project prices only.",
                        fields=", ".join(wrong.mapped("field_description")),
                    )
                )

    def _customer_protected_fields(self):
        """Names of the customer fields under change control in the companies ``self``."""
        return set(self.sudo().customer_protected_field_ids.mapped("name"))
