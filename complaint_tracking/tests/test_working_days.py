from datetime import date, timedelta

from odoo.tests import tagged

from .common import ComplaintCommon, shanghai

# June 2025: Friday 6, Saturday 7, Monday 9, Wednesday 11.


@tagged("post_install", "-at_install")
class TestWorkingDays(ComplaintCommon):
    def test_friday_receipt_is_due_wednesday(self):
        complaint = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        self.assertEqual(complaint.response_deadline, shanghai(2025, 6, 7, 10, 0))
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 11, 18, 0))

    def test_monday_holiday_moves_deadline_to_thursday(self):
        self._public_holiday(date(2025, 6, 9))
        complaint = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 12, 18, 0))

    def test_saturday_makeup_workday_moves_deadline_to_tuesday(self):
        self.env["resource.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": date(2025, 6, 7), "name": "调休上班"}
        )
        complaint = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 10, 18, 0))

    def test_receipt_on_holiday_counts_from_next_working_day(self):
        self._public_holiday(date(2025, 6, 9))
        complaint = self._create_complaint(received_at=shanghai(2025, 6, 9, 10, 0))
        # Tuesday is day 0, then Wednesday, Thursday, Friday.
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 13, 18, 0))
        self.assertEqual(complaint.response_deadline, shanghai(2025, 6, 10, 10, 0))

    def test_receipt_after_working_hours_counts_from_next_day(self):
        in_hours = self._create_complaint(received_at=shanghai(2025, 6, 4, 17, 0))
        after_hours = self._create_complaint(received_at=shanghai(2025, 6, 4, 20, 0))
        # Wednesday 17:00 → Thursday, Friday, Monday.
        self.assertEqual(in_hours.registration_deadline, shanghai(2025, 6, 9, 18, 0))
        # Wednesday 20:00 → counts from Thursday: Friday, Monday, Tuesday.
        self.assertEqual(after_hours.registration_deadline, shanghai(2025, 6, 10, 18, 0))

    def test_makeup_workday_uses_the_hours_of_its_weekday(self):
        self.env["resource.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": date(2025, 6, 7), "name": "调休上班"}
        )
        hours = self.calendar.get_work_hours_count(
            shanghai(2025, 6, 7, 0, 0), shanghai(2025, 6, 8, 0, 0)
        )
        self.assertAlmostEqual(hours, 8.0)

    def test_changing_receipt_recomputes_deadlines(self):
        complaint = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        complaint.received_at = shanghai(2025, 6, 9, 9, 0)
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 12, 18, 0))
        self.assertEqual(
            complaint.response_deadline, shanghai(2025, 6, 9, 9, 0) + timedelta(hours=24)
        )

    def test_new_holiday_recounts_open_complaints(self):
        open_complaint = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        registered = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        registered.action_investigate()
        self.assertEqual(open_complaint.registration_deadline, shanghai(2025, 6, 11, 18, 0))
        holiday = self._public_holiday(date(2025, 6, 9))
        self.assertEqual(open_complaint.registration_deadline, shanghai(2025, 6, 12, 18, 0))
        self.assertEqual(registered.registration_deadline, shanghai(2025, 6, 11, 18, 0))
        workday = self.env["resource.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": date(2025, 6, 7), "name": "调休上班"}
        )
        self.assertEqual(open_complaint.registration_deadline, shanghai(2025, 6, 11, 18, 0))
        workday.unlink()
        holiday.unlink()
        self.assertEqual(open_complaint.registration_deadline, shanghai(2025, 6, 11, 18, 0))
