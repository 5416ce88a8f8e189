import base64
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WorkdayCommon

CSV_2027 = """date,type,name
2027-01-01,holiday,元旦
2027-02-06,班,春节调休上班
2027-02-07,workday,春节调休上班
"""


@tagged("post_install", "-at_install")
class TestHolidayImport(WorkdayCommon):
    def _import(self, text, **values):
        wizard = self.env["resource.public.holiday.import"].create(
            {"file": base64.b64encode(text.encode()), "filename": "2027.csv", **values}
        )
        return wizard.action_import()

    def test_yearly_import(self):
        Holiday = self.env["resource.public.holiday"]
        Company = type(self.env["res.company"])
        self.env.company.resource_calendar_id = self.calendar
        with patch.object(Company, "_working_days_changed", autospec=True) as changed:
            action = self._import(CSV_2027)
        # the deadlines are recounted once for the file, for the companies following it
        self.assertEqual(changed.call_count, 1)
        self.assertIn(self.env.company, changed.call_args.args[0])
        self.assertEqual(action["domain"], [("year", "in", [2027])])
        days = Holiday.search([("year", "=", 2027)])
        self.assertEqual(
            sorted(days.mapped("date")), [date(2027, 1, 1), date(2027, 2, 6), date(2027, 2, 7)]
        )
        self.assertEqual(self.calendar._add_working_days(date(2027, 2, 5), 2), date(2027, 2, 7))
        # a corrected file replaces the year; other years stay
        count_2026 = Holiday.search_count([("year", "=", 2026)])
        self._import("2027-01-01,holiday,元旦节\n2027-02-06,workday,春节调休上班\n")
        days = Holiday.search([("year", "=", 2027)])
        self.assertEqual(sorted(days.mapped("date")), [date(2027, 1, 1), date(2027, 2, 6)])
        self.assertEqual(days.filtered(lambda d: d.date == date(2027, 1, 1)).name, "元旦节")
        self.assertEqual(Holiday.search_count([("year", "=", 2026)]), count_2026)
        # without replacing, days not in the file stay
        self._import("2027-10-01,holiday,国庆节\n", replace_years=False)
        self.assertEqual(Holiday.search_count([("year", "=", 2027)]), 3)

    def test_bad_files_are_refused(self):
        for text in (
            "2027-01-01,holiday\n",
            "2027-13-01,holiday,元旦\n",
            "2027-01-01,vacation,元旦\n",
            "2027-01-04,workday,周一\n",
            "2027-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n",
            "date,type,name\n",
        ):
            with self.subTest(text=text), self.assertRaises(UserError):
                self._import(text)
        self.assertFalse(self.env["resource.public.holiday"].search([("year", "=", 2027)]))
