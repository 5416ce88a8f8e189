from odoo import api, models

# Customer invoices and credit notes posted and not settled yet.
OPEN_INVOICE_DOMAIN = [
    ("state", "=", "posted"),
    ("move_type", "in", ("out_invoice", "out_refund")),
    ("payment_state", "in", ("not_paid", "partial")),
]


class RetentionTargetMixin(models.AbstractModel):
    """What the suite's models protect from record retention (``record_retention``)."""

    _inherit = "retention.target.mixin"

    @api.model
    def _retention_open_balance_partners(self):
        """Query of the customers (commercial partners) with an invoice or credit note
        not settled."""
        moves = self.env["account.move"].sudo()._search(OPEN_INVOICE_DOMAIN)
        return moves.subselect("commercial_partner_id")
