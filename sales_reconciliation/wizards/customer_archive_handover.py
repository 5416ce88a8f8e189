from odoo import models


class CustomerArchiveHandover(models.TransientModel):
    _inherit = "customer.archive.handover"

    def _handover_targets(self):
        # The discrepancies of a statement follow its salesperson.
        return [
            *super()._handover_targets(),
            (
                self.env._("Statements and their discrepancies"),
                self.env["sales.statement"].search(
                    [("user_id", "=", self.from_user_id.id), ("state", "!=", "done")]
                    + self._handover_scope()
                ),
                "user_id",
            ),
        ]
