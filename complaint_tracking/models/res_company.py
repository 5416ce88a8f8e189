from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_survey_after_invoice = fields.Boolean(
        string="Satisfaction survey after each delivery",
        help="Send the customer a satisfaction survey (quality, response time, service speed, "
        "attitude, delivery time) after each delivery, or when his invoice is posted where "
        "deliveries are not tracked in Inventory (regulation 004).",
    )
