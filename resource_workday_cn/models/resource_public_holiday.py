from odoo import api, fields, models

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResourcePublicHoliday(models.Model):
    """A day of the State Council's holiday schedule (国务院节假日安排): a public
    holiday, or a make-up workday (调休上班) that is worked although it is a weekend day.

    The schedule is the same for every company; working schedules that follow it
    (``resource.calendar.public_holiday_schedule``) skip its holidays and work its
    make-up workdays.
    """

    _name = "resource.public.holiday"
    _description = "Public Holiday Schedule Day"
    _order = "date desc"

    name = fields.Char(string="Holiday", required=True)
    date = fields.Date(required=True, index=True)
    year = fields.Integer(compute="_compute_year", store=True)
    day_type = fields.Selection(
        [("holiday", "Public Holiday"), ("workday", "Make-up Workday")],
        string="Type",
        required=True,
        default="holiday",
    )
    dayofweek = fields.Selection(
        WEEKDAYS,
        string="Worked As",
        default="0",
        help="Make-up workdays are worked with the hours of this weekday.",
    )

    _sql_constraints = [  # noqa: RUF012
        ("date_unique", "UNIQUE(date)", "The holiday schedule has each date only once."),
    ]

    @api.depends("date")
    def _compute_year(self):
        for day in self:
            day.year = day.date.year if day.date else 0

    @api.depends("date", "name")
    def _compute_display_name(self):
        for day in self:
            day.display_name = f"{day.date or ''} {day.name or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        days = super().create(vals_list)
        days._schedule_changed()
        return days

    def write(self, vals):
        res = super().write(vals)
        self._schedule_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self.browse()._schedule_changed()
        return res

    @api.model
    def _schedule_changed(self):
        if self.env.context.get("resource_workday_no_recount"):
            return
        calendars = (
            self.env["resource.calendar"].sudo().search([("public_holiday_schedule", "=", True)])
        )
        companies = self.env["res.company"]._companies_of_calendars(calendars)
        if companies:
            companies._working_days_changed()

    @api.model
    def _days_between(self, date_from, date_to):
        """``{date: record}`` of the schedule between two dates (inclusive)."""
        days = self.sudo().search([("date", ">=", date_from), ("date", "<=", date_to)])
        return {day.date: day for day in days}
