from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCommon, shanghai

# June 2025: Friday 6, Monday 9 (a public holiday in some tests), Tuesday 10.
RECEIVED = (2025, 6, 6, 10, 0)


@tagged("post_install", "-at_install")
class TestComplaintServiceLevels(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Sla = cls.env["customer.complaint.sla"]
        cls.Sla.search([("company_id", "=", cls.company.id)]).unlink()
        cls.Sla.create(
            {"priority": "2", "response_hours": 4, "registration_days": 1},
        )

    def test_regulation_targets_without_service_level(self):
        complaint = self._create_complaint(received_at=shanghai(*RECEIVED))
        self.assertEqual(complaint.response_deadline, shanghai(2025, 6, 7, 10, 0))
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 11, 18, 0))

    def test_very_urgent_is_tighter_and_counts_working_days(self):
        self._public_holiday(date(2025, 6, 9))
        complaint = self._create_complaint(received_at=shanghai(*RECEIVED), priority="2")
        self.assertEqual(complaint.response_deadline, shanghai(2025, 6, 6, 14, 0))
        # Friday is day 0; Monday is a holiday: the next working day is Tuesday.
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 10, 18, 0))

    def test_category_target_wins_over_priority_target(self):
        self.Sla.create(
            {
                "priority": "2",
                "category_id": self.category.id,
                "response_hours": 2,
                "registration_days": 0,
            }
        )
        complaint = self._create_complaint(received_at=shanghai(*RECEIVED), priority="2")
        self.assertEqual(complaint.response_deadline, shanghai(2025, 6, 6, 12, 0))
        self.assertEqual(complaint.registration_deadline, shanghai(2025, 6, 6, 18, 0))
        other_category = self._create_complaint(
            received_at=shanghai(*RECEIVED), priority="2", category_id=False
        )
        self.assertEqual(other_category.response_deadline, shanghai(2025, 6, 6, 14, 0))

    def test_priority_is_fixed_once_acknowledged(self):
        complaint = self._create_complaint()
        complaint.with_user(self.cs_user).priority = "2"
        complaint.with_user(self.cs_user).action_acknowledge()
        with self.assertRaises(AccessError):
            complaint.with_user(self.cs_user).priority = "0"

    def test_ledger_reports_compliance_per_priority(self):
        on_time = self._create_complaint(priority="2")
        on_time.action_acknowledge()
        on_time.action_investigate()
        self._create_complaint(received_at=shanghai(*RECEIVED), priority="2")
        self._create_complaint(received_at=shanghai(*RECEIVED))
        self.env.flush_all()
        Report = self.env["customer.complaint.report"]
        rows = {
            priority: (count, rate)
            for priority, count, rate in Report._read_group(
                [],
                ["priority"],
                ["complaint_count:sum", "sla_rate:avg"],
            )
        }
        self.assertEqual(rows["2"], (2, 50.0))
        self.assertEqual(rows["0"][1], 0.0)
