from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._public_leaves_changed()
        return leaves

    def write(self, vals):
        before = self._public_leave_companies()
        res = super().write(vals)
        changed = before | self._public_leave_companies()
        if changed:
            changed._working_days_changed()
        return res

    def unlink(self):
        companies = self._public_leave_companies()
        res = super().unlink()
        if companies:
            companies._working_days_changed()
        return res

    def _public_leave_companies(self):
        """Companies whose working days these leaves change: the company of a
        company-wide day off, the companies working on the leave's schedule."""
        public = self.filtered(lambda leave: not leave.resource_id)
        return public.filtered(lambda leave: not leave.calendar_id).company_id | self.env[
            "res.company"
        ]._companies_of_calendars(public.calendar_id)

    def _public_leaves_changed(self):
        companies = self._public_leave_companies()
        if companies:
            companies._working_days_changed()
