from odoo import api, models


class CustomerArchiveCommunication(models.Model):
    _inherit = "customer.archive.communication"

    @api.model
    def _retention_protections(self):
        contracts = (
            self.env["sales.contract"]
            .sudo()
            ._search([("state", "in", ("to_approve", "approved", "active"))])
        )
        customers = (
            self.env["res.partner"]
            .sudo()
            ._search([("id", "in", contracts.subselect("partner_id"))])
        )
        return super()._retention_protections() + [
            (
                self.env._("Running contract with the customer"),
                [("partner_id", "in", customers.subselect("commercial_partner_id"))],
            )
        ]
