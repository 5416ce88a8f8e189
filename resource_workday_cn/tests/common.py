from odoo import Command
from odoo.tests import TransactionCase


def office_hours_calendar(env, **values):
    """The office hours of the regulations: 8:30-12:00 and 13:30-18:00, Monday to Friday,
    Beijing time."""
    return env["resource.calendar"].create(
        {
            "name": "Office hours (Shanghai)",
            "tz": "Asia/Shanghai",
            "attendance_ids": [
                Command.create(
                    {
                        "name": f"Day {day} {period}",
                        "dayofweek": str(day),
                        "hour_from": hour_from,
                        "hour_to": hour_to,
                        "day_period": period,
                    }
                )
                for day in range(5)
                for period, hour_from, hour_to in (
                    ("morning", 8.5, 12.0),
                    ("afternoon", 13.5, 18.0),
                )
            ],
            **values,
        }
    )


class WorkdayCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = office_hours_calendar(cls.env, public_holiday_schedule=True)
