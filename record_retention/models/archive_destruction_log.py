from odoo import api, fields, models
from odoo.exceptions import UserError


class ArchiveDestructionLog(models.Model):
    """Append-only trail of every execution of a destruction request.

    Entries are created by the engine only; nobody, administrators included, can change or
    delete them through the application."""

    _name = "archive.destruction.log"
    _description = "Destruction Log"
    _order = "id desc"
    _rec_name = "request_id"

    request_id = fields.Many2one(
        "archive.destruction.request", required=True, ondelete="restrict", readonly=True, index=True
    )
    policy_id = fields.Many2one("archive.retention.policy", ondelete="restrict", readonly=True)
    company_id = fields.Many2one("res.company", ondelete="restrict", readonly=True)
    res_model = fields.Char(string="Model", readonly=True)
    model_description = fields.Char(string="Document Type", compute="_compute_model_description")
    action = fields.Selection(
        [
            ("archive", "Archive Records"),
            ("anonymize", "Anonymize Fields"),
            ("delete", "Delete Records"),
        ],
        readonly=True,
    )
    record_ids = fields.Text(string="Record IDs", readonly=True, help="JSON list of the ids.")
    requested_count = fields.Integer(string="Records Listed", readonly=True)
    done_count = fields.Integer(string="Processed", readonly=True)
    skipped_count = fields.Integer(string="Skipped", readonly=True)
    failed_count = fields.Integer(string="Failed", readonly=True)
    approvals = fields.Text(
        readonly=True, help="Who approved the request, when, with which opinion."
    )
    export_attachment_id = fields.Many2one(
        "ir.attachment", string="Export", ondelete="restrict", readonly=True
    )
    export_sha256 = fields.Char(string="Export SHA-256", readonly=True)
    error = fields.Text(readonly=True)
    user_id = fields.Many2one("res.users", string="Executed By", ondelete="restrict", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, readonly=True, required=True)

    @api.depends("res_model")
    @api.depends_context("lang")
    def _compute_model_description(self):
        for log in self:
            log.model_description = self.env["ir.model"]._get(log.res_model).name or log.res_model

    def write(self, vals):
        if self:
            raise UserError(self.env._("The destruction log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The destruction log cannot be deleted."))
