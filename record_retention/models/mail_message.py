from odoo import api, models
from odoo.exceptions import UserError

# What a message says and where it belongs.
MESSAGE_FROZEN_FIELDS = frozenset(
    {
        "body",
        "subject",
        "attachment_ids",
        "model",
        "res_id",
        "author_id",
        "email_from",
        "date",
        "message_type",
        "subtype_id",
        "tracking_value_ids",
    }
)


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _executed_destruction_messages(self):
        """The messages of ``self`` in the chatter of an executed destruction request: part
        of the evidence, immutable for everyone, superuser included."""
        candidates = self.sudo().filtered(
            lambda message: message.model == "archive.destruction.request"
        )
        if not candidates:
            return self.browse()
        done = (
            self.env["archive.destruction.request"]
            .sudo()
            .search([("id", "in", candidates.mapped("res_id")), ("state", "=", "done")])
        )
        return candidates.filtered(lambda message: message.res_id in done.ids)

    def write(self, vals):
        if MESSAGE_FROZEN_FIELDS.intersection(vals) and self._executed_destruction_messages():
            raise UserError(
                self.env._("The messages of an executed destruction request cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_executed_destruction(self):
        if self._executed_destruction_messages():
            raise UserError(
                self.env._("The messages of an executed destruction request cannot be deleted.")
            )
