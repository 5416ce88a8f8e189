from datetime import date, datetime

from pytz import timezone, utc

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WorkdayCommon

SHANGHAI = timezone("Asia/Shanghai")


def shanghai(*args):
    return SHANGHAI.localize(datetime(*args)).astimezone(utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestWorkingDays(WorkdayCommon):
    def test_shipped_schedule(self):
        Holiday = self.env["resource.public.holiday"]
        self.assertEqual(
            Holiday.search([("year", "=", 2026), ("day_type", "=", "workday")]).mapped("date"),
            [
                date(2026, 10, 10),
                date(2026, 9, 20),
                date(2026, 5, 9),
                date(2026, 2, 28),
                date(2026, 2, 14),
                date(2026, 1, 4),
            ],
        )
        spring = Holiday.search([("year", "=", 2026), ("name", "=", "春节")])
        self.assertEqual(len(spring), 9)
        self.assertEqual(
            self.env.ref("resource_workday_cn.public_holiday_20251011").day_type, "workday"
        )

    def test_public_holiday_is_skipped(self):
        # Friday 30 May 2025; 31 May - 2 June is the Dragon Boat Festival.
        self.assertEqual(self.calendar._add_working_days(date(2025, 5, 30), 1), date(2025, 6, 3))
        self.calendar.public_holiday_schedule = False
        self.assertEqual(self.calendar._add_working_days(date(2025, 5, 30), 1), date(2025, 6, 2))

    def test_makeup_workdays_are_counted(self):
        # Sunday 28 September and Saturday 11 October 2025 are worked; 1-8 October off.
        calendar = self.calendar
        self.assertEqual(calendar._add_working_days(date(2025, 9, 26), 1), date(2025, 9, 28))
        self.assertEqual(calendar._add_working_days(date(2025, 9, 26), 2), date(2025, 9, 29))
        self.assertEqual(calendar._add_working_days(date(2025, 9, 30), 1), date(2025, 10, 9))
        self.assertEqual(calendar._add_working_days(date(2025, 9, 30), 3), date(2025, 10, 11))
        self.assertEqual(calendar._add_working_days(date(2025, 9, 30), 0), date(2025, 9, 30))
        hours = calendar.get_work_hours_count(
            shanghai(2025, 10, 11, 0, 0), shanghai(2025, 10, 12, 0, 0)
        )
        self.assertAlmostEqual(hours, 8.0)
        self.assertAlmostEqual(
            calendar.get_work_hours_count(shanghai(2025, 10, 1, 0, 0), shanghai(2025, 10, 9, 0, 0)),
            0.0,
        )

    def test_working_day_end_counts_the_schedule(self):
        # Received Friday 30 May 2025 10:00: day 0, then 3, 4 and 5 June.
        self.assertEqual(
            self.calendar._get_working_day_end(shanghai(2025, 5, 30, 10, 0), 3),
            shanghai(2025, 6, 5, 18, 0),
        )

    def test_own_makeup_workday_and_company_holiday(self):
        calendar = self.calendar
        calendar.public_holiday_schedule = False
        self.env["resource.calendar.workday"].create(
            {"calendar_id": calendar.id, "date": date(2025, 6, 7), "name": "调休上班"}
        )
        self.assertEqual(calendar._add_working_days(date(2025, 6, 6), 1), date(2025, 6, 7))
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司假日",
                "calendar_id": calendar.id,
                "date_from": shanghai(2025, 6, 7, 0, 0),
                "date_to": shanghai(2025, 6, 9, 23, 59),
            }
        )
        self.assertEqual(calendar._add_working_days(date(2025, 6, 6), 1), date(2025, 6, 10))

    def test_employees_read_only(self):
        employee = new_test_user(self.env, "rwc_employee", groups="base.group_user")
        Holiday = self.env["resource.public.holiday"].with_user(employee)
        self.assertTrue(Holiday.search_count([("year", "=", 2025)]))
        with self.assertRaises(AccessError):
            Holiday.create({"date": date(2027, 1, 1), "name": "元旦"})
        with self.assertRaises(AccessError):
            self.env["resource.calendar.workday"].with_user(employee).create(
                {"calendar_id": self.calendar.id, "date": date(2025, 6, 7), "name": "调休"}
            )
