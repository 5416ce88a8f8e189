import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from .sales_statement_confirmation import SalesStatementConfirmation

REPLY_CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper"),
    ("fax", "Fax"),
    ("email", "E-mail"),
]
# Replies that come back as a signed or stamped document (签字或盖章): the scan is
# the evidence (regulation 002, 对账流程 3).
SCANNED_CHANNELS = ("paper", "fax", "email")


class SalesStatementReply(models.Model):
    """How the customer answered a statement: in the portal (signature), or on
    paper, by fax or e-mail with the stamped statement (公章/财务专用章) registered
    from the back office. Both take the same path (``_action_customer_confirm`` /
    ``_action_customer_dispute``); incoming e-mails land on the statement."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited
    _workflow_fields = (
        *SalesStatementConfirmation._workflow_fields,
        "reply_channel",
        "reply_date",
        "reply_scan_id",
        "reply_registered_by",
    )

    reply_channel = fields.Selection(REPLY_CHANNELS, readonly=True, copy=False, tracking=True)
    reply_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the customer signed or stamped the statement.",
    )
    reply_scan_id = fields.Many2one(
        "ir.attachment", "Stamped Scan", readonly=True, copy=False, ondelete="restrict"
    )
    reply_registered_by = fields.Many2one("res.users", readonly=True, copy=False)

    def _reply_values(self, name, signature, reply, confirm=True):
        """Check and return the reply fields of an answer: ``reply`` is None in the
        portal (signature required when confirming), else a dict with ``channel``,
        ``date`` and ``scan`` (``ir.attachment``, required on paper, fax and e-mail)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        if reply is None:
            if confirm and (not name or not signature):
                raise UserError(self.env._("Your name and signature are required."))
            return {
                "reply_channel": "portal",
                "reply_date": today,
                "reply_scan_id": False,
                "reply_registered_by": False,
            }
        channel = reply.get("channel")
        if channel not in dict(REPLY_CHANNELS):
            raise UserError(self.env._("Choose how the customer replied."))
        if confirm and not name:
            raise UserError(self.env._("Who signed the statement for the customer?"))
        scan = reply.get("scan") or self.env["ir.attachment"]
        if channel in SCANNED_CHANNELS and not scan:
            raise UserError(
                self.env._(
                    "A reply on paper, by fax or by e-mail needs the scan of the signed or "
                    "stamped statement."
                )
            )
        if channel == "portal" and confirm and not signature:
            raise UserError(self.env._("Your name and signature are required."))
        reply_date = fields.Date.to_date(reply.get("date")) or today
        if reply_date > today or (self.sent_on and reply_date < self.sent_on.date()):
            raise UserError(self.env._("The reply date must lie between the sending and today."))
        return {
            "reply_channel": channel,
            "reply_date": reply_date,
            "reply_scan_id": scan.id,
            "reply_registered_by": self.env.uid,
        }

    def _reply_message(self, name):
        self.ensure_one()
        if self.reply_channel in (False, "portal"):
            return self.env._("Statement confirmed and signed by %(name)s.", name=name)
        channel = dict(self._fields["reply_channel"]._description_selection(self.env))
        return self.env._(
            "Statement confirmed by %(name)s (%(channel)s, %(date)s), registered by %(user)s.",
            name=name,
            channel=channel[self.reply_channel],
            date=self.reply_date,
            user=self.env.user.name,
        )

    # ------------------------------------------------------------------
    # Incoming e-mail
    # ------------------------------------------------------------------
    @api.model
    def _statement_of_mail(self, msg_dict):
        """The statement an incoming e-mail answers: the sender's statement whose
        number the subject names, else the sender's last statement waiting for an
        answer, else his last statement."""
        Partner = self.env["res.partner"].sudo()
        author = Partner.browse(msg_dict.get("author_id") or [])
        if not author:
            email = email_normalize(msg_dict.get("email_from") or "")
            author = (
                Partner.search([("email_normalized", "=", email)], limit=1) if email else author
            )
        if not author:
            return self.browse()
        statements = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [("partner_id", "=", author.commercial_partner_id.statement_partner_id.id)],
                order="date_to desc, id desc",
            )
        )
        subject = msg_dict.get("subject") or ""
        for statement in statements:
            if statement.name and re.search(rf"(?<!\w){re.escape(statement.name)}(?!\w)", subject):
                return statement
        waiting = statements.filtered(lambda s: s.state == "sent")
        return (waiting or statements)[:1]

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the statements' alias never creates a statement: it lands on
        the statement it answers and asks the salesperson to register the reply."""
        statement = self._statement_of_mail(msg_dict)
        if not statement:
            raise ValueError(
                f"No statement of the sender {msg_dict.get('email_from')} to post the reply on."
            )
        statement._reply_received()
        return self.browse(statement.id)

    def message_update(self, msg_dict, update_vals=None):
        res = super().message_update(msg_dict, update_vals=update_vals)
        self._reply_received()
        return res

    def _reply_received(self):
        """Ask the salesperson, once, to register the answer of a statement sent."""
        activity_type = self.env.ref("sales_reconciliation.mail_activity_type_statement_reply")
        for statement in self.sudo().filtered(lambda s: s.state == "sent"):
            if statement.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            statement.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=statement.user_id.id or statement.create_uid.id,
                summary=self.env._("Register the customer's reply"),
            )
