from odoo import api, models
from odoo.exceptions import UserError

# What an export attachment is: its content, name and record never change.
EXPORT_FROZEN_FIELDS = frozenset(
    {
        "name",
        "description",
        "datas",
        "raw",
        "db_datas",
        "store_fname",
        "checksum",
        "file_size",
        "mimetype",
        "type",
        "url",
        "res_model",
        "res_id",
        "res_field",
        "company_id",
        "public",
    }
)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _destruction_exports(self):
        """The attachments of ``self`` that are the export of a destruction request: the
        evidence of what was destroyed, immutable for everyone, superuser included."""
        candidates = self.sudo().filtered(
            lambda attachment: attachment.res_model == "archive.destruction.request"
        )
        if not candidates:
            return self.browse()
        exports = (
            self.env["archive.destruction.request"]
            .sudo()
            .search([("export_attachment_id", "in", candidates.ids)])
            .export_attachment_id
        )
        exports |= (
            self.env["archive.destruction.log"]
            .sudo()
            .search([("export_attachment_id", "in", candidates.ids)])
            .export_attachment_id
        )
        return exports

    def write(self, vals):
        if EXPORT_FROZEN_FIELDS.intersection(vals) and self._destruction_exports():
            raise UserError(self.env._("The export of a destruction request can never be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_destruction_export(self):
        if self._destruction_exports():
            raise UserError(self.env._("The export of a destruction request can never be deleted."))
