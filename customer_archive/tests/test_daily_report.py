from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestDailyReport(CustomerArchiveCase):
    """The daily report (销售日报) e-mailed to the sales manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["crm.team"].create(
            {
                "name": "华东销售部",
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.link(cls.salesman.id)],
            }
        )
        cls.salesman.tz = "Asia/Shanghai"
        cls.sales_manager.email = "manager@example.com"
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "杭州同行纸品有限公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman_2.id,
                "customer_category": "ordinary",
            }
        )
        cls.Report = cls.env["sales.daily.report"]

    def _visit(self, user, partner, purpose, day=None, **values):
        return (
            self.env["customer.archive.visit"]
            .with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "purpose": purpose,
                    "date": day or fields.Date.today(),
                    **values,
                }
            )
        )

    def test_report_content_and_sending(self):
        today = fields.Date.today()
        self._visit(self.salesman, self.customer, "今日拜访-样品确认", today, competitor="合兴包装")
        self._visit(self.salesman, self.customer, "昨日拜访", today - timedelta(days=1))
        self._visit(self.salesman_2, self.other_customer, "同事的拜访", today)
        report = self.Report.with_user(self.salesman).create(
            {"summary": "明天安排试单。", "date": today}
        )
        self.assertEqual(report.manager_id, self.sales_manager, "the team leader")
        report.action_send()
        self.assertEqual(report.state, "sent")
        self.assertIn("今日拜访-样品确认", report.content)
        self.assertIn("合兴包装", report.content)
        self.assertIn(self.customer.name, report.content)
        self.assertNotIn("昨日拜访", report.content)
        self.assertNotIn("同事的拜访", report.content)
        self.assertNotIn(self.other_customer.name, report.content)
        message = report.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(message.partner_ids, self.sales_manager.partner_id)
        self.assertIn("今日拜访-样品确认", message.body)
        self.assertIn(self.salesman.name, message.subject)
        self.assertIn("明天安排试单", message.body)
        # Sent is sent: the content and the summary no longer change, and nobody else reads it.
        with self.assertRaises(AccessError):
            report.with_user(self.salesman).summary = "改写"
        with self.assertRaises(AccessError):
            report.with_user(self.salesman).write({"state": "draft"})
        with self.assertRaises(AccessError):
            report.with_user(self.salesman_2).read(["content"])
        self.assertEqual(report.with_user(self.sales_manager).content, report.content)

    def test_open_today_creates_one_report(self):
        action = self.Report.with_user(self.salesman).action_open_today()
        again = self.Report.with_user(self.salesman).action_open_today()
        self.assertEqual(action["res_id"], again["res_id"])
        report = self.Report.browse(action["res_id"])
        today = fields.Date.context_today(report.with_user(self.salesman))
        self.assertEqual((report.user_id, report.date), (self.salesman, today))

    def test_cron_sends_at_the_configured_hour_once_a_day(self):
        self.env.company.write({"daily_report_auto": True, "daily_report_hour": 18.0})
        Report = self.Report.sudo()
        # 陈 sends his report of 2 March himself, before the hour: the job leaves it.
        self.salesman_2.tz = "Asia/Shanghai"
        with freeze_time(datetime(2026, 3, 2, 8, 0)):
            own = self.Report.with_user(self.salesman_2).create({})
            self.assertEqual(own.date, fields.Date.to_date("2026-03-02"))
            own.with_user(self.salesman_2).action_send()
        # 17:00 in Shanghai: not yet.
        with freeze_time(datetime(2026, 3, 2, 9, 0)):
            self.assertFalse(
                Report._cron_send_daily_reports().filtered(lambda r: r.user_id == self.salesman)
            )
        # 18:30 in Shanghai: the report of 2 March goes to the manager.
        with freeze_time(datetime(2026, 3, 2, 10, 30)):
            sent = Report._cron_send_daily_reports().filtered(lambda r: r.user_id == self.salesman)
            self.assertEqual(sent.date, fields.Date.to_date("2026-03-02"))
            self.assertEqual(sent.state, "sent")
            self.assertEqual(sent.manager_id, self.sales_manager)
        # An hour later the job finds it sent.
        with freeze_time(datetime(2026, 3, 2, 11, 30)):
            self.assertFalse(Report._cron_send_daily_reports() & (sent | own))
        self.assertEqual(Report.search_count([("user_id", "=", self.salesman_2.id)]), 1)
        self.assertEqual(Report.search_count([("user_id", "=", self.salesman.id)]), 1)
        # Without the setting, nothing is sent.
        self.env.company.daily_report_auto = False
        with freeze_time(datetime(2026, 3, 3, 11, 30)):
            self.assertFalse(Report._cron_send_daily_reports())

    def test_sections_read_each_kind_once(self):
        today = fields.Date.today()
        self._visit(self.salesman, self.customer, "拜访一", today)
        self._visit(self.salesman_2, self.other_customer, "拜访二", today)
        reports = self.Report.create(
            [{"user_id": user.id, "date": today} for user in (self.salesman, self.salesman_2)]
        )

        def queries(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            sections = records._report_sections()
            return self.cr.sql_log_count - before, sections

        one, _sections = queries(reports[0])
        both, sections = queries(reports)
        self.assertEqual(one, both, "as many queries for two reports as for one")
        self.assertEqual(
            [row[1] for row in sections[reports[1]][0]["rows"]], ["拜访二"], "each his own"
        )
