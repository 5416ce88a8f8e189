from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        # No invoice for a blocked or closed customer (credit notes correct the past).
        for move in self.filtered(lambda move: move.move_type == "out_invoice"):
            move.partner_id._check_trade_allowed(move.env._("the invoice"))
        return super()._post(soft=soft)
