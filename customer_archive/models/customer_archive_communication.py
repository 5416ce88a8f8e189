from odoo import fields, models

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

    archive_id = fields.Many2one(
        "customer.archive", "Dossier", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="archive_id.partner_id", store=True)
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
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
