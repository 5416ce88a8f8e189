from odoo import fields, models


class ArchiveLegalHoldRelease(models.TransientModel):
    _name = "archive.legal.hold.release"
    _description = "Release Legal Hold"

    hold_ids = fields.Many2many(
        "archive.legal.hold",
        string="Legal Holds",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    date = fields.Date(string="Released On", default=fields.Date.context_today, required=True)
    reason = fields.Text(required=True)

    def action_release(self):
        self.ensure_one()
        self.hold_ids.filtered("active")._release(self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}
