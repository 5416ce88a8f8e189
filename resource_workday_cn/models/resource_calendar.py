import itertools
from collections import defaultdict
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import fields, models

from odoo.addons.resource.models.utils import Intervals, float_to_time, make_aware


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    workday_ids = fields.One2many(
        "resource.calendar.workday", "calendar_id", string="Make-up Workdays"
    )
    public_holiday_schedule = fields.Boolean(
        string="Follow the State Council's Holiday Schedule",
        help="Skip the public holidays and work the make-up workdays (调休) of the national "
        "holiday schedule (Settings › Technical › Resource › Working Days › Holiday Schedule).",
    )

    def write(self, vals):
        res = super().write(vals)
        if "public_holiday_schedule" in vals or "workday_ids" in vals:
            companies = self.env["res.company"]._companies_of_calendars(self)
            if companies:
                companies._working_days_changed()
        return res

    # ------------------------------------------------------------------
    # Make-up workdays and national holidays in Odoo's interval computations
    # ------------------------------------------------------------------
    def _makeup_workdays(self, date_from, date_to):
        """``{date: dayofweek}`` of the make-up workdays of this schedule between two
        dates: its own (``workday_ids``), then the national schedule's if it follows it."""
        self.ensure_one()
        days = {}
        if self.public_holiday_schedule:
            schedule = self.env["resource.public.holiday"]._days_between(date_from, date_to)
            days.update(
                {
                    day: record.dayofweek or "0"
                    for day, record in schedule.items()
                    if record.day_type == "workday"
                }
            )
        own = (
            self.env["resource.calendar.workday"]
            .sudo()
            .search(
                [
                    ("calendar_id", "=", self.id),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ]
            )
        )
        days.update({workday.date: workday.dayofweek for workday in own})
        return days

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Add the make-up workdays (调休) to the weekly attendances.

        A make-up workday is worked with the hours of the weekday it stands for.
        """
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        workdays = self._makeup_workdays(
            start_dt.astimezone(utc).date() - timedelta(days=1),
            end_dt.astimezone(utc).date() + timedelta(days=1),
        )
        if not workdays:
            return result
        attendances_per_day = defaultdict(lambda: self.env["resource.calendar.attendance"])
        for attendance in self.attendance_ids:
            if attendance.resource_id or attendance.display_type:
                continue
            if (attendance.day_period == "lunch") != bool(lunch):
                continue
            attendances_per_day[attendance.dayofweek] |= attendance
        resources_list = list(resources or []) + [self.env["resource.resource"]]
        for resource in resources_list:
            if resource and (resource._is_fully_flexible() or resource.calendar_id.flexible_hours):
                continue
            resource_tz = tz or timezone((resource or self).tz)
            start, end = start_dt.astimezone(resource_tz), end_dt.astimezone(resource_tz)
            extra = []
            for day, dayofweek in workdays.items():
                for attendance in attendances_per_day[dayofweek]:
                    day_from = resource_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_from))
                    )
                    day_to = resource_tz.localize(
                        datetime.combine(day, float_to_time(attendance.hour_to))
                    )
                    if day_to <= start or day_from >= end:
                        continue
                    extra.append((max(start, day_from), min(end, day_to), attendance))
            if extra:
                intervals = result[resource.id]
                result[resource.id] = type(intervals)(itertools.chain(intervals, extra))
        return result

    def _leave_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, any_calendar=False
    ):
        """Add the public holidays of the national schedule as whole days off."""
        result = super()._leave_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, any_calendar=any_calendar
        )
        if not self.public_holiday_schedule:
            return result
        holidays = [
            day
            for day, record in self.env["resource.public.holiday"]
            ._days_between(
                start_dt.astimezone(utc).date() - timedelta(days=1),
                end_dt.astimezone(utc).date() + timedelta(days=1),
            )
            .items()
            if record.day_type == "holiday"
        ]
        if not holidays:
            return result
        no_leave = self.env["resource.calendar.leaves"]
        resources_list = list(resources or []) + [self.env["resource.resource"]]
        for resource in resources_list:
            resource_tz = tz or timezone((resource or self).tz)
            start, end = start_dt.astimezone(resource_tz), end_dt.astimezone(resource_tz)
            extra = []
            for day in holidays:
                day_from = resource_tz.localize(datetime.combine(day, time.min))
                day_to = resource_tz.localize(datetime.combine(day + timedelta(days=1), time.min))
                if day_to <= start or day_from >= end:
                    continue
                extra.append((max(start, day_from), min(end, day_to), no_leave))
            if extra:
                result[resource.id] = Intervals(itertools.chain(result[resource.id], extra))
        return result

    # ------------------------------------------------------------------
    # Counting working days
    # ------------------------------------------------------------------
    def _working_day_ends(self, start_dt, count):
        """``{date: end of work}`` of the first working days from ``start_dt`` (aware),
        at least ``count`` of them when found within a year."""
        self.ensure_one()
        day_ends = {}
        window = timedelta(days=14)
        for step in range(27):
            begin = start_dt + window * step
            intervals = self._work_intervals_batch(begin, begin + window)[False]
            for _start, stop, _meta in intervals:
                day = _start.date()
                day_ends[day] = max(day_ends.get(day, stop), stop)
            if len(day_ends) >= count:
                break
        return day_ends

    def _get_working_day_end(self, start_dt, days):
        """Return the end of the ``days``-th working day after the receipt at ``start_dt``.

        Counting starts on the first working day with working time left at ``start_dt``
        (day 0): a receipt after working hours, on a weekend or on a public holiday
        counts from the next working day. Weekly attendances, public holidays (global
        time off and the national schedule) and make-up workdays are taken into
        account. Naive datetimes are UTC; the result has the same form as ``start_dt``.
        """
        self.ensure_one()
        start_dt, revert = make_aware(start_dt)
        day_ends = self._working_day_ends(start_dt, days + 1)
        if len(day_ends) > days:
            return revert(day_ends[sorted(day_ends)[days]])
        return False

    def _add_working_days(self, day, days):
        """The ``days``-th working day after the date ``day`` (``day`` itself is not
        counted), in the schedule's time zone; ``day`` itself when ``days`` is 0, False
        when the schedule has no working day within a year."""
        self.ensure_one()
        day = fields.Date.to_date(day)
        if days <= 0:
            return day
        tz = timezone(self.tz or "UTC")
        start = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        day_ends = self._working_day_ends(start, days)
        if len(day_ends) < days:
            return False
        return sorted(day_ends)[days - 1]
