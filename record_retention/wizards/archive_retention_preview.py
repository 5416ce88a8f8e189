from odoo import api, fields, models


class ArchiveRetentionPreview(models.TransientModel):
    """Dry run of several policies at once: what a sweep would list today, and why the rest
    is kept. Nothing is changed until the archivist runs the sweep from here."""

    _name = "archive.retention.preview"
    _description = "Retention Preview"

    line_ids = fields.One2many(
        "archive.retention.preview.line", "preview_id", string="Policies", readonly=True
    )
    due_count = fields.Integer(string="Due", compute="_compute_due_count")

    @api.depends("line_ids.due")
    def _compute_due_count(self):
        for preview in self:
            preview.due_count = sum(preview.line_ids.mapped("due"))

    @api.model
    def _open_for(self, policies):
        counts = policies._preview_counts()
        preview = self.create(
            {
                "line_ids": [
                    fields.Command.create(
                        {
                            "policy_id": policy.id,
                            "reasons": "\n".join(
                                f"{reason}: {count}"
                                for reason, count in counts[policy.id].pop("reasons").items()
                            ),
                            **counts[policy.id],
                        }
                    )
                    for policy in policies
                ]
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dry run: nothing was changed"),
            "res_model": self._name,
            "res_id": preview.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_run_sweep(self):
        self.ensure_one()
        return self.line_ids.filtered("due").policy_id.action_open_sweep()
