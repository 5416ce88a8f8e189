from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CustomerArchiveHandover(models.TransientModel):
    """Hand a leaving salesperson's customers, dossiers and open documents over (离职交接)."""

    _name = "customer.archive.handover"
    _description = "Customer Handover"

    from_user_id = fields.Many2one("res.users", "From", required=True)
    to_user_id = fields.Many2one("res.users", "To", required=True, domain=[("share", "=", False)])
    note = fields.Text()
    partner_count = fields.Integer("Customers", compute="_compute_partner_count")

    @api.depends("from_user_id")
    def _compute_partner_count(self):
        for wizard in self:
            wizard.partner_count = len(wizard._customers()) if wizard.from_user_id else 0

    def _customers(self):
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("user_id", "=", self.from_user_id.id), ("parent_id", "=", False)])
        )

    def _handover_documents(self):
        """Reassign the open documents of other apps; returns lines (label, count) for the log.

        Modules that own documents with a salesperson extend this method.
        """
        leads = self.env["crm.lead"].search(
            [("user_id", "=", self.from_user_id.id), ("probability", "<", 100)]
        )
        leads.user_id = self.to_user_id
        return [(self.env._("Leads and opportunities"), len(leads))]

    def action_handover(self):
        self.ensure_one()
        if not self.env["res.partner"]._archive_approvers():
            raise UserError(self.env._("Only sales managers hand customers over."))
        if self.from_user_id == self.to_user_id:
            raise UserError(self.env._("Hand the customers over to another salesperson."))
        partners = self._customers()
        partners.user_id = self.to_user_id
        lines = [(self.env._("Customers and their dossiers"), len(partners))]
        lines += self._handover_documents()
        body = Markup("%s<ul>%s</ul>%s") % (
            self.env._(
                "Handed over from %(old)s to %(new)s:",
                old=self.from_user_id.name,
                new=self.to_user_id.name,
            ),
            Markup().join(Markup("<li>%s: %s</li>") % line for line in lines),
            self.note or "",
        )
        partners._message_log_batch({partner.id: body for partner in partners})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": "; ".join(f"{label}: {count}" for label, count in lines),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
