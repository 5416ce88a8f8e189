from odoo import api, models


class CustomerArchiveCommunication(models.Model):
    _inherit = "customer.archive.communication"

    @api.model
    def _retention_protections(self):
        complaints = (
            self.env["customer.complaint"]
            .sudo()
            ._search([("state", "not in", ("closed", "cancelled"))])
        )
        return super()._retention_protections() + [
            (
                self.env._("Unresolved complaint of the customer"),
                [("partner_id", "in", complaints.subselect("commercial_partner_id"))],
            )
        ]
