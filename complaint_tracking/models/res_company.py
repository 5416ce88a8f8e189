from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_survey_after_invoice = fields.Boolean(
        string="Satisfaction survey after each delivery",
        help="Send the customer a satisfaction survey (quality, response time, service speed, "
        "attitude, delivery time) after each delivery, or when his invoice is posted where "
        "deliveries are not tracked in Inventory (regulation 004).",
    )

    def _working_days_changed(self):
        """Unregistered complaints are recounted when public holidays or make-up
        workdays change."""
        res = super()._working_days_changed()
        self.env["customer.complaint"]._recompute_registration_deadlines(self)
        return res
