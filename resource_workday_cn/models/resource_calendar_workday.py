from odoo import api, fields, models

from .resource_public_holiday import WEEKDAYS


class ResourceCalendarWorkday(models.Model):
    """A make-up workday (调休) of one working schedule: a day off in the weekly
    pattern that is worked. The State Council's make-up workdays are in the national
    schedule (``resource.public.holiday``); these are the schedule's own."""

    _name = "resource.calendar.workday"
    _description = "Make-up Workday"
    _order = "date desc"

    name = fields.Char(string="Reason", required=True, translate=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        index=True,
        default=lambda self: self.env.company.resource_calendar_id,
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)
    date = fields.Date(required=True)
    dayofweek = fields.Selection(
        WEEKDAYS,
        string="Worked As",
        required=True,
        default="0",
        help="The working hours of this weekday apply on the make-up workday.",
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "calendar_date_unique",
            "UNIQUE(calendar_id, date)",
            "A date can be a make-up workday only once per working schedule.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        workdays = super().create(vals_list)
        workdays._workdays_changed(workdays.calendar_id)
        return workdays

    def write(self, vals):
        calendars = self.calendar_id
        res = super().write(vals)
        self._workdays_changed(calendars | self.calendar_id)
        return res

    def unlink(self):
        calendars = self.calendar_id
        res = super().unlink()
        self._workdays_changed(calendars)
        return res

    @api.model
    def _workdays_changed(self, calendars):
        companies = self.env["res.company"]._companies_of_calendars(calendars)
        if companies:
            companies._working_days_changed()

    @api.depends("date", "name")
    def _compute_display_name(self):
        for workday in self:
            workday.display_name = f"{workday.date or ''} {workday.name or ''}".strip()
