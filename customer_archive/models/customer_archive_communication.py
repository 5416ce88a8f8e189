from odoo import api, fields, models

COMMUNICATION_TYPES = [
    ("visit", "Visit"),
    ("phone", "Phone"),
    ("meeting", "Meeting"),
    ("email", "E-mail"),
    ("message", "Instant message"),
    ("other", "Other"),
]


class CustomerArchiveCommunication(models.Model):
    """An entry of the communication log (沟通记录) of a dossier."""

    _name = "customer.archive.communication"
    _description = "Customer Communication Log"
    _order = "date desc, id desc"
    _rec_name = "purpose"
    _inherit = ("retention.target.mixin",)
    _retention_actions = ("anonymize", "delete")
    _retention_anonymize_fields = ("content", "result", "next_step")

    archive_id = fields.Many2one(
        "customer.archive", "Dossier", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="archive_id.partner_id", store=True)
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
    customer_closed_date = fields.Date(
        related="partner_id.archive_closed_date",
        store=True,
        string="Customer File Closed On",
        help="The retention period of the log starts when the customer file is closed.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    communication_type = fields.Selection(
        COMMUNICATION_TYPES, "Type", required=True, default="visit"
    )
    contact_id = fields.Many2one(
        "res.partner", "Customer Contact", domain="[('parent_id', '=', partner_id)]"
    )
    purpose = fields.Char(required=True)
    content = fields.Text()
    result = fields.Text()
    next_step = fields.Text()
    user_id = fields.Many2one(
        "res.users", "Recorded by", required=True, default=lambda self: self.env.user
    )

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Open balance of the customer"),
                [("partner_id", "in", self._retention_open_balance_partners())],
            )
        ]
