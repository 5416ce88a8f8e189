from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import SIGNATURE, StatementCommon


@tagged("post_install", "-at_install")
class TestStatementDeadline(StatementCommon, MockEmail):
    """Reply deadlines in working days, reminders, escalation and the completion KPI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Office hours in Beijing time, following the State Council's holiday schedule.
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "标准工作时间",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "public_holiday_schedule": True,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 8.5,
                            "hour_to": 17.5,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        cls.company.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "statement_reply_days_monthly": 5,
                "statement_reply_days_cash": 3,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "华东销售部",
                "company_id": cls.company.id,
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.link(cls.salesman.id)],
            }
        )
        cls.other_customer.user_id = cls.salesman

    def _statement(self, partner, date_from, date_to):
        return self.env["sales.statement"].generate_statements(date_from, date_to, partner)

    def test_deadline_across_holidays_and_a_makeup_saturday(self):
        # September 2025 ends on Tuesday 30; 1-8 October are the National Day holidays,
        # Saturday 11 October is worked.
        self._invoice(self.customer, 100.0, date(2025, 9, 10))
        self._invoice(self.other_customer, 100.0, date(2025, 9, 10))
        monthly = self._statement(self.customer, "2025-09-01", "2025-09-30")
        cash = self._statement(self.other_customer, "2025-09-01", "2025-09-30")
        # monthly settlement, 5 working days: 9, 10, 11 (Saturday), 13, 14 October
        self.assertEqual(monthly.reply_deadline, date(2025, 10, 14))
        # cash customers, 3 working days: 9, 10, 11 October
        self.assertEqual(cash.reply_deadline, date(2025, 10, 11))
        # a company holiday on Monday 13 October recounts the open statements
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司活动日",
                "calendar_id": self.calendar.id,
                "date_from": "2025-10-12 16:00:00",
                "date_to": "2025-10-13 15:59:59",
            }
        )
        self.assertEqual(monthly.reply_deadline, date(2025, 10, 15))
        self.assertEqual(cash.reply_deadline, date(2025, 10, 11))
        # without the national schedule: 1, 2, 3, 6, 7 October
        self.calendar.public_holiday_schedule = False
        self.assertEqual(monthly.reply_deadline, date(2025, 10, 7))

    def test_on_time_and_late_completion_per_customer(self):
        # February 2026 ends on Saturday 28: monthly settlement due Friday 6 March
        # (5 working days), cash customers Wednesday 4 March (3 working days).
        self._invoice(self.customer, 1000.0, date(2026, 2, 5))
        self._invoice(self.other_customer, 500.0, date(2026, 2, 6))
        third = self.env["res.partner"].create(
            {"name": "第三客户", "is_company": True, "email": "c@example.com"}
        )
        third.user_id = self.salesman
        self._invoice(third, 50.0, date(2026, 2, 7))
        statements = self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28")
        by_partner = {s.partner_id: s for s in statements}
        on_time = by_partner[self.customer]
        late = by_partner[self.other_customer]
        self.assertEqual(on_time.reply_deadline, date(2026, 3, 6))
        self.assertEqual(late.reply_deadline, date(2026, 3, 4))
        self.assertEqual(on_time.team_id, self.team)
        with freeze_time("2026-03-02 02:00:00"), self.mock_mail_gateway():
            (on_time | late | by_partner[third]).action_send()
        with freeze_time("2026-03-05 02:00:00"):
            on_time._action_customer_confirm("王会计", SIGNATURE)
        with freeze_time("2026-03-09 02:00:00"):
            late._action_customer_confirm("李经理", SIGNATURE)
        self.assertTrue(on_time.replied_on_time)
        self.assertFalse(late.replied_on_time)
        Kpi = self.env["sales.statement.kpi"]
        domain = [("date_to", "=", "2026-02-28"), ("company_id", "=", self.company.id)]
        rows = {row.partner_id: row for row in Kpi.search(domain)}
        self.assertEqual(rows[self.customer].completion_rate, 100.0)
        self.assertEqual(rows[self.other_customer].completion_rate, 0.0)
        self.assertEqual(rows[self.other_customer].customers_confirmed, 1)
        self.assertEqual(rows[third].completion_rate, 0.0)
        for groupby in ("user_id", "team_id", "date_to:month"):
            [group] = Kpi._read_group(
                domain,
                [groupby],
                [
                    "customers_due:sum",
                    "customers_confirmed:sum",
                    "customers_on_time:sum",
                    "completion_rate:avg",
                    "accuracy_rate:avg",
                ],
            )
            with self.subTest(groupby=groupby):
                self.assertEqual(group[1:4], (3, 2, 1))
                self.assertAlmostEqual(group[4], 100.0 / 3, places=2)
                self.assertAlmostEqual(group[5], 100.0, places=2)

    def test_reminder_then_escalation_once(self):
        self._invoice(self.customer, 1000.0, date(2026, 2, 5))
        self._invoice(self.other_customer, 500.0, date(2026, 2, 6))
        statements = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.customer | self.other_customer
        )
        answered = statements.filtered(lambda s: s.partner_id == self.other_customer)
        statement = statements - answered
        deadline_type = self.env.ref("sales_reconciliation.mail_activity_type_statement_deadline")
        Statement = self.env["sales.statement"]
        with freeze_time("2026-03-02 02:00:00"), self.mock_mail_gateway():
            statements.action_send()
            Statement._cron_reply_deadline()
            Statement._cron_reply_deadline()
        reminders = statements.activity_ids.filtered(lambda a: a.activity_type_id == deadline_type)
        self.assertEqual(len(reminders), 2)
        reminder = reminders.filtered(lambda a: a.res_id == statement.id)
        self.assertEqual(reminder.user_id, self.salesman)
        self.assertEqual(reminder.date_deadline, date(2026, 3, 6))
        with freeze_time("2026-03-03 02:00:00"):
            answered._action_customer_confirm("李经理", SIGNATURE)
        self.assertFalse(
            answered.activity_ids.filtered(lambda a: a.activity_type_id == deadline_type)
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        with freeze_time("2026-03-06 02:00:00"):
            Statement._cron_reply_deadline()
        self.assertFalse(statement.activity_ids.filtered(lambda a: a.activity_type_id == todo))
        with freeze_time("2026-03-09 02:00:00"):
            Statement._cron_reply_deadline()
            Statement._cron_reply_deadline()
        escalation = statement.activity_ids.filtered(lambda a: a.activity_type_id == todo)
        self.assertEqual(len(escalation), 1)
        self.assertEqual(escalation.user_id, self.sales_manager)
        self.assertIn(self.sales_manager.partner_id, statement.message_ids[0].partner_ids)
        self.assertFalse(answered.activity_ids.filtered(lambda a: a.activity_type_id == todo))

    def test_archived_customer_with_balance_is_included(self):
        self._invoice(self.customer, 300.0, date(2026, 1, 5))
        self._invoice(self.other_customer, 200.0, date(2026, 2, 5))
        self._pay(
            self._invoice(self.idle_customer, 80.0, date(2025, 12, 1)), 80.0, date(2025, 12, 20)
        )
        (self.customer | self.idle_customer).action_archive()
        statements = self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28")
        # the archived customer owes 300.00 from January; the one settled in full is left out
        self.assertEqual(statements.partner_id, self.customer | self.other_customer)
        archived = statements.filtered(lambda s: s.partner_id == self.customer)
        self.assertEqual(archived.closing_balance, 300.0)
        statements.unlink()
        # the monthly run picks him up too
        with freeze_time("2026-03-02 02:00:00"):
            self.env["sales.statement"].sudo()._cron_generate_statements()
        monthly = self.env["sales.statement"].search(
            [("date_from", "=", "2026-02-01"), ("date_to", "=", "2026-02-28")]
        )
        self.assertIn(self.customer, monthly.partner_id)
        self.assertNotIn(self.idle_customer, monthly.partner_id)
