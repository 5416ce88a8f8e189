from odoo import fields, models


class ArchiveRetentionPreviewLine(models.TransientModel):
    _name = "archive.retention.preview.line"
    _description = "Retention Preview Line"

    preview_id = fields.Many2one("archive.retention.preview", required=True, ondelete="cascade")
    policy_id = fields.Many2one("archive.retention.policy", required=True, ondelete="cascade")
    model_id = fields.Many2one(related="policy_id.model_id")
    matching = fields.Integer(string="Past the Period")
    on_hold = fields.Integer(string="On Legal Hold")
    protected = fields.Integer()
    already_requested = fields.Integer(string="Already in a Request")
    due = fields.Integer()
    reasons = fields.Text(string="Why Kept")
