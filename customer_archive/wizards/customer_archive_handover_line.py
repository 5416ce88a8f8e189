from odoo import api, fields, models


class CustomerArchiveHandoverLine(models.TransientModel):
    """One customer of the handover and the successor who takes it over with its documents."""

    _name = "customer.archive.handover.line"
    _description = "Customer Handover Line"

    wizard_id = fields.Many2one("customer.archive.handover", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", "Customer", required=True, readonly=True)
    customer_code = fields.Char(related="partner_id.customer_code")
    user_id = fields.Many2one(
        "res.users",
        "Successor",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
        help="Takes over the customer, its dossier and its open documents.",
    )

    @api.depends("wizard_id.to_user_id")
    def _compute_user_id(self):
        for line in self:
            line.user_id = line.wizard_id.to_user_id
