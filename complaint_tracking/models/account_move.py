from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        self.env["customer.satisfaction.survey"]._create_for_invoices(posted)
        return posted
