from odoo import api, models

# Customer invoices and credit notes posted and not settled yet.
OPEN_INVOICE_DOMAIN = [
    ("state", "=", "posted"),
    ("move_type", "in", ("out_invoice", "out_refund")),
    ("payment_state", "in", ("not_paid", "partial")),
]


class RetentionTargetMixin(models.AbstractModel):
    """A model whose records a retention policy may destroy.

    A model opts in by inheriting this mixin and naming what a policy may do with its
    records; it says which records are never destroyed, whatever a policy says, in
    :meth:`_retention_protections` (each module extends it for the models it knows)."""

    _name = "retention.target.mixin"
    _description = "Record Retention Target"

    # What a policy may do with the records: "archive", "anonymize", "delete".
    _retention_actions = ()
    # Fields an anonymization may blank (none unless listed).
    _retention_anonymize_fields = ()

    @api.model
    def _retention_protections(self):
        """``[(reason, domain)]``: the records of ``domain`` are kept, with ``reason``
        shown (e.g. an open balance, a running contract, an unresolved complaint)."""
        return []

    @api.model
    def _retention_open_balance_partners(self):
        """Query of the customers (commercial partners) with an invoice or credit note
        not settled."""
        moves = self.env["account.move"].sudo()._search(OPEN_INVOICE_DOMAIN)
        return moves.subselect("commercial_partner_id")
