from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self.env["customer.satisfaction.survey"]._create_for_deliveries(self)
        return res
