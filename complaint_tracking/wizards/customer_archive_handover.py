from odoo import models


class CustomerArchiveHandover(models.TransientModel):
    _inherit = "customer.archive.handover"

    def _handover_targets(self):
        return [
            *super()._handover_targets(),
            (
                self.env._("Complaints"),
                self.env["customer.complaint"].search(
                    [
                        ("user_id", "=", self.from_user_id.id),
                        ("state", "not in", ("closed", "cancelled")),
                    ]
                    + self._handover_scope()
                ),
                "user_id",
            ),
        ]
