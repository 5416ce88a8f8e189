from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools import department_head


class SalesDailyReport(models.Model):
    """The salesperson's daily report (销售日报): the day's visits, and what the modules
    installed add (quotations, orders, complaints), e-mailed to the sales manager
    (客户经理每天下班后要总结当天工作情况, 并以邮件的形式提交销售日报表, 004)."""

    _name = "sales.daily.report"
    _description = "Daily Sales Report"
    _inherit = ["mail.thread", "workflow.guard.mixin"]
    _order = "date desc, user_id"
    _check_company_auto = True
    _workflow_fields = ("state", "sent_at", "content")
    _workflow_frozen_fields = ("user_id", "date", "company_id", "manager_id", "summary")
    _workflow_frozen_states = ("sent",)

    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    manager_id = fields.Many2one(
        "res.users",
        "Sales Manager",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
        help="Who receives the report: the leader of the salesperson's sales team.",
    )
    summary = fields.Text(
        "Summary of the Day", help="The salesperson's own account of his day, sent with it."
    )
    content = fields.Html(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    sent_at = fields.Datetime("Sent On", readonly=True, copy=False)

    _sql_constraints = [
        ("user_date_unique", "UNIQUE(user_id, date)", "A salesperson has one report a day."),
    ]

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "Daily report %(user)s %(date)s",
                user=report.user_id.name or "",
                date=format_date(self.env, report.date) if report.date else "",
            )

    @api.depends("user_id")
    def _compute_manager_id(self):
        for report in self:
            user = report.user_id.sudo()
            report.manager_id = department_head(user) or (
                report.company_id and report.company_id._sales_managers()[:1]
            )

    # ------------------------------------------------------------ content

    def _report_sections(self):
        """The sections of each report: ``{report: [section, ...]}``, a section being
        ``{"title": str, "headers": [str], "rows": [[str]]}``. Modules add theirs with
        ``_add_section``, reading each kind of document once for all of ``self``."""
        sections = {report: [] for report in self}
        entries = (
            self.env["customer.archive.communication"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("date", "in", list(set(self.mapped("date")))),
                    ("communication_type", "=", "visit"),
                ],
                order="date, id",
            )
        )
        competitors = {
            visit.communication_id: visit.competitor
            for visit in self.env["customer.archive.visit"]
            .sudo()
            .search([("communication_id", "in", entries.ids)])
        }
        by_day = entries.grouped(lambda entry: (entry.user_id, entry.date))
        self._add_section(
            sections,
            self.env._("Customer Visits"),
            [
                self.env._("Customer"),
                self.env._("Purpose"),
                self.env._("Competitor"),
                self.env._("Next Step"),
            ],
            lambda report: [
                [
                    entry.partner_id.display_name,
                    entry.purpose or "",
                    competitors.get(entry) or "",
                    entry.next_step or "",
                ]
                for entry in by_day.get((report.user_id, report.date), [])
            ],
        )
        return sections

    def _add_section(self, sections, title, headers, rows_of):
        """Append to each report's sections the table ``rows_of(report)`` gives."""
        for report in self:
            sections[report].append({"title": title, "headers": headers, "rows": rows_of(report)})

    def _datetime_range(self):
        """UTC bounds covering the days of all of ``self`` in their salespeople's time
        zones, to read timestamped documents in one query."""
        starts = []
        for report in self:
            tz = pytz.timezone(report.user_id.tz or "UTC")
            start = tz.localize(datetime.combine(report.date, time.min)).astimezone(pytz.utc)
            starts.append(start.replace(tzinfo=None))
        return min(starts), max(starts) + timedelta(days=1)

    def _on_report_day(self, user, moment):
        """Whether UTC ``moment`` falls on the report's day for ``user``, the report being
        the one of ``user`` (the salesperson of the document)."""
        self.ensure_one()
        if not moment or user != self.user_id:
            return False
        tz = pytz.timezone(self.user_id.tz or "UTC")
        return pytz.utc.localize(moment).astimezone(tz).date() == self.date

    def action_compile(self):
        """Compile the day's activity into the report, in the salesperson's language."""
        for lang, reports in self.grouped(lambda report: report.user_id.lang).items():
            reports = reports.with_context(lang=lang)
            sections = reports._report_sections()
            for report in reports:
                content = reports.env["ir.qweb"]._render(
                    "customer_archive.sales_daily_report_content",
                    {"report": report, "sections": sections[report]},
                )
                with report._workflow_pass():
                    report.content = content
        return True

    def action_send(self):
        """E-mail the report to the sales manager (the salesperson's button, or the job)."""
        reports = self.filtered(lambda report: report.state == "draft")
        missing = reports.filtered(lambda report: not report.manager_id)
        if missing:
            raise UserError(
                self.env._(
                    "%s: no sales manager to send the report to; set the leader of the "
                    "salesperson's sales team.",
                    missing[0].display_name,
                )
            )
        reports.action_compile()
        template = self.env.ref("customer_archive.mail_template_sales_daily_report")
        for report in reports:
            report.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=report.manager_id.partner_id.ids,
            )
        with reports._workflow_pass():
            reports.write({"state": "sent", "sent_at": fields.Datetime.now()})
        return True

    @api.model
    def action_open_today(self):
        """The current user's report of today, created when missing."""
        today = fields.Date.context_today(self)
        report = self.search([("user_id", "=", self.env.uid), ("date", "=", today)], limit=1)
        if not report:
            report = self.create({"user_id": self.env.uid, "date": today})
        if report.state == "draft":
            report.action_compile()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": report.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------ job

    @api.model
    def _cron_send_daily_reports(self):
        """Hourly: in each company sending the reports automatically, once the configured
        hour has passed in his time zone, each salesperson's report of his day is sent,
        once a day. Returns the reports sent."""
        companies = self.env["res.company"].sudo().search([("daily_report_auto", "=", True)])
        salespeople = (
            self.env["res.users"]
            ._visit_salespeople()
            .filtered(lambda user: user.company_id in companies)
        )
        now = pytz.utc.localize(fields.Datetime.now())
        due = {}
        for user in salespeople:
            local = now.astimezone(pytz.timezone(user.tz or "UTC"))
            if local.hour + local.minute / 60 >= user.company_id.daily_report_hour:
                due[user] = local.date()
        if not due:
            return self.browse()
        existing = self.sudo().search(
            [("user_id", "in", [user.id for user in due]), ("date", "in", list(set(due.values())))]
        )
        taken = {(report.user_id, report.date): report for report in existing}
        reports = existing.filtered(lambda report: due.get(report.user_id) == report.date)
        reports |= self.sudo().create(
            [
                {"user_id": user.id, "date": day, "company_id": user.company_id.id}
                for user, day in due.items()
                if (user, day) not in taken
            ]
        )
        reports = reports.filtered(lambda report: report.state == "draft" and report.manager_id)
        reports.action_send()
        return reports
