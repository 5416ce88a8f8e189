from odoo import api, fields, models


class ResourceCalendarWorkday(models.Model):
    """A make-up workday (调休): a day off in the weekly pattern that is worked."""

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
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Worked As",
        required=True,
        default="0",
        help="The working hours of this weekday apply on the make-up workday.",
    )

    _sql_constraints = (
        (
            "calendar_date_unique",
            "UNIQUE(calendar_id, date)",
            "A date can be a make-up workday only once per working schedule.",
        ),
    )

    @api.model_create_multi
    def create(self, vals_list):
        workdays = super().create(vals_list)
        workdays._recompute_complaint_deadlines()
        return workdays

    def write(self, vals):
        res = super().write(vals)
        self._recompute_complaint_deadlines()
        return res

    def unlink(self):
        companies = self._complaint_companies()
        res = super().unlink()
        self.env["customer.complaint"]._recompute_registration_deadlines(companies)
        return res

    def _complaint_companies(self):
        calendars = self.calendar_id
        return (
            self.env["res.company"].sudo().search([("resource_calendar_id", "in", calendars.ids)])
        )

    def _recompute_complaint_deadlines(self):
        self.env["customer.complaint"]._recompute_registration_deadlines(
            self._complaint_companies()
        )

    @api.depends("date", "name")
    def _compute_display_name(self):
        for workday in self:
            workday.display_name = f"{workday.date or ''} {workday.name or ''}".strip()
