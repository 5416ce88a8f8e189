import itertools
from collections import defaultdict
from datetime import datetime, timedelta

from pytz import timezone, utc

from odoo import fields, models

from odoo.addons.resource.models.utils import float_to_time, make_aware


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    workday_ids = fields.One2many(
        "resource.calendar.workday", "calendar_id", string="Make-up Workdays"
    )

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Add the make-up workdays (调休) to the weekly attendances.

        A make-up workday is worked with the hours of the weekday it stands for.
        """
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        workdays = self.env["resource.calendar.workday"].search(
            [
                ("calendar_id", "=", self.id),
                ("date", ">=", start_dt.astimezone(utc).date() - timedelta(days=1)),
                ("date", "<=", end_dt.astimezone(utc).date() + timedelta(days=1)),
            ]
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
            for workday in workdays:
                for attendance in attendances_per_day[workday.dayofweek]:
                    day_from = resource_tz.localize(
                        datetime.combine(workday.date, float_to_time(attendance.hour_from))
                    )
                    day_to = resource_tz.localize(
                        datetime.combine(workday.date, float_to_time(attendance.hour_to))
                    )
                    if day_to <= start or day_from >= end:
                        continue
                    extra.append((max(start, day_from), min(end, day_to), attendance))
            if extra:
                intervals = result[resource.id]
                result[resource.id] = type(intervals)(itertools.chain(intervals, extra))
        return result

    def _get_working_day_end(self, start_dt, days):
        """Return the end of the ``days``-th working day after the receipt at ``start_dt``.

        Counting starts on the first working day with working time left at ``start_dt``
        (day 0): a receipt after working hours, on a weekend or on a public holiday
        counts from the next working day. Weekly attendances, public holidays (global
        time off) and make-up workdays are taken into account. Naive datetimes are UTC;
        the result has the same form as ``start_dt``.
        """
        self.ensure_one()
        start_dt, revert = make_aware(start_dt)
        day_ends = {}
        window = timedelta(days=14)
        for step in range(26):
            begin = start_dt + window * step
            intervals = self._work_intervals_batch(begin, begin + window)[False]
            for _start, stop, _meta in intervals:
                day = _start.date()
                day_ends[day] = max(day_ends.get(day, stop), stop)
            if len(day_ends) > days:
                return revert(day_ends[sorted(day_ends)[days]])
        return False
