from odoo import fields, models


class CustomerComplaintConfirmationWizard(models.TransientModel):
    """The handler records how the customer confirmed the resolution."""

    _name = "customer.complaint.confirmation.wizard"
    _description = "Record Customer Confirmation"

    complaint_id = fields.Many2one("customer.complaint", required=True)
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "Visit"),
            ("email", "E-mail"),
            ("wechat", "WeChat"),
            ("paper", "Signed Paper"),
        ],
        required=True,
        default="phone",
    )
    note = fields.Text(help="Who confirmed, and what the customer said.")

    def action_confirm(self):
        self.ensure_one()
        complaint = self.complaint_id
        complaint._confirm_by_customer(self.channel)
        complaint.message_post(
            body=self.env._(
                "Resolution confirmed by the customer (%(channel)s). %(note)s",
                channel=dict(self._fields["channel"]._description_selection(self.env))[
                    self.channel
                ],
                note=self.note or "",
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
