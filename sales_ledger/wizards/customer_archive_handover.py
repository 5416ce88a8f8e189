from odoo import models


class CustomerArchiveHandover(models.TransientModel):
    _inherit = "customer.archive.handover"

    def _handover_targets(self):
        leaver = self.from_user_id.id
        return [
            *super()._handover_targets(),
            (
                self.env._("Contracts"),
                self.env["sales.contract"].search(
                    [
                        ("user_id", "=", leaver),
                        ("state", "in", ("draft", "to_approve", "approved", "active")),
                    ]
                    + self._handover_scope()
                ),
                "user_id",
            ),
            (
                self.env._("Quotations and orders"),
                self.env["sale.order"].search(
                    [
                        ("user_id", "=", leaver),
                        "|",
                        ("state", "in", ("draft", "sent")),
                        "&",
                        ("state", "=", "sale"),
                        ("invoice_status", "!=", "invoiced"),
                    ]
                    + self._handover_scope()
                ),
                "user_id",
            ),
        ]
