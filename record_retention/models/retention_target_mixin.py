from odoo import api, models
from odoo.osv import expression


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
    def _retention_partner_fields(self):
        """Stored many2one fields linking the records to a customer."""
        return [
            name
            for name in ("partner_id", "commercial_partner_id")
            if name in self._fields
            and self._fields[name].type == "many2one"
            and self._fields[name].comodel_name == "res.partner"
            and self._fields[name].store
        ]

    @api.model
    def _retention_held_domain(self):
        """Domain of the records under an active legal hold (on the record itself or on its
        customer, including the customer's contacts); False when nothing is held."""
        holds = self.env["archive.legal.hold"].sudo().search([("active", "=", True)])
        held_ids = holds.filtered(lambda h: h.res_model == self._name).mapped("res_id")
        domains = [[("id", "in", held_ids)]] if held_ids else []
        held_partners = holds.partner_id.commercial_partner_id
        if held_partners:
            held_partner_ids = (
                self.env["res.partner"]
                .with_context(active_test=False)
                .search([("id", "child_of", held_partners.ids)])
                .ids
            )
            if self._name == "res.partner":
                domains.append([("id", "in", held_partner_ids)])
            domains += [
                [(fname, "in", held_partner_ids)] for fname in self._retention_partner_fields()
            ]
        return expression.OR(domains) if domains else False

    @api.model
    def _retention_all_protections(self):
        """``(reason, domain)`` of the records never destroyed whatever a policy or an
        application says: legal holds, then what the model protects."""
        protections = []
        held = self._retention_held_domain()
        if held:
            protections.append((self.env._("Under legal hold"), held))
        return protections + self._retention_protections()

    @api.model
    def _retention_skip_reasons(self, record_ids):
        """``{id: reason}`` of the records of ``record_ids`` that must be kept now (one
        query per protection, whatever the number of records)."""
        Model = self.sudo().with_context(active_test=False)
        reasons = {}
        remaining = set(record_ids)
        for reason, domain in Model._retention_all_protections():
            if not remaining:
                break
            found = Model.search(expression.AND([[("id", "in", list(remaining))], domain])).ids
            reasons.update(dict.fromkeys(found, reason))
            remaining.difference_update(found)
        return reasons
