from odoo import api, fields, models
from odoo.exceptions import UserError


class ArchiveDestructionRequestLine(models.Model):
    _name = "archive.destruction.request.line"
    _inherit = ["workflow.guard.mixin"]
    _description = "Destruction Request Line"
    _order = "request_id, res_id"
    # The execution records the outcome; the records listed are those approved.
    _workflow_fields = ("state", "note")
    _workflow_frozen_fields = ("request_id", "res_id", "name")

    request_id = fields.Many2one(
        "archive.destruction.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    res_model = fields.Char(
        string="Model", related="request_id.res_model", store=True, index=True, precompute=True
    )
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True
    )
    name = fields.Char(string="Record", readonly=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("done", "Processed"),
            ("skipped", "Skipped"),
            ("failed", "Failed"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    note = fields.Char(readonly=True)

    _sql_constraints = (
        (
            "record_uniq",
            "UNIQUE(request_id, res_id)",
            "A record is listed only once per destruction request.",
        ),
    )

    @api.model_create_multi
    def create(self, vals_list):
        requests = self.env["archive.destruction.request"].browse(
            {vals.get("request_id") for vals in vals_list}
        )
        if any(request.state not in ("draft",) for request in requests):
            raise UserError(self.env._("Records can only be added to a draft request."))
        return super().create(vals_list)

    def write(self, vals):
        if any(line.request_id.state == "done" for line in self):
            raise UserError(self.env._("An executed destruction request cannot be changed."))
        return super().write(vals)

    def _workflow_frozen_records(self):
        return self.filtered(lambda line: line.request_id.state != "draft")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(line.request_id.state != "draft" for line in self):
            raise UserError(
                self.env._("Records can only be removed from a draft destruction request.")
            )
