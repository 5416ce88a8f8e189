from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._recompute_complaint_deadlines()
        return leaves

    def write(self, vals):
        before = self.filtered(lambda leave: not leave.resource_id)
        res = super().write(vals)
        (before | self)._recompute_complaint_deadlines()
        return res

    def unlink(self):
        public = self.filtered(lambda leave: not leave.resource_id)
        companies = public.company_id
        res = super().unlink()
        if public:
            self.env["customer.complaint"]._recompute_registration_deadlines(companies)
        return res

    def _recompute_complaint_deadlines(self):
        """Public holidays change the working days counted for complaint deadlines."""
        public = self.filtered(lambda leave: not leave.resource_id)
        if public:
            self.env["customer.complaint"]._recompute_registration_deadlines(public.company_id)
