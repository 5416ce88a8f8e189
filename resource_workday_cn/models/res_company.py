from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _working_days_changed(self):
        """Hook: the working days of these companies changed (a public holiday, a
        make-up workday or the national schedule was added, changed or removed).

        Modules that keep deadlines counted in working days recount them here.
        """
        return True

    def _companies_of_calendars(self, calendars):
        """Companies whose working schedule is one of ``calendars``."""
        if not calendars:
            return self.browse()
        return self.sudo().search([("resource_calendar_id", "in", calendars.ids)])
