import base64
import hashlib
from email.message import EmailMessage

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import SIGNATURE, FebruaryStatementCommon

SCAN = b"%PDF-1.4 stamped statement with the customer's finance seal"


@tagged("post_install", "-at_install")
class TestStatementReply(FebruaryStatementCommon, MockEmail):
    """Replies on paper, by fax or e-mail, registered with the stamped scan."""

    def setUp(self):
        super().setUp()
        with self.mock_mail_gateway():
            self.statement.with_user(self.salesman).action_send()

    def _wizard(self, **values):
        return (
            self.env["sales.statement.reply.wizard"]
            .with_user(self.salesman)
            .with_context(active_model="sales.statement", active_id=self.statement.id)
            .create(values)
        )

    def test_paper_reply_with_scan_confirms_like_the_portal(self):
        wizard = self._wizard(
            channel="paper",
            signer="财务部 王会计",
            scan=base64.b64encode(SCAN),
            scan_filename="对账单-盖章.pdf",
        )
        wizard.action_register()
        statement = self.statement
        self.assertRecordValues(
            statement,
            [
                {
                    "state": "confirmed",
                    "confirmed_by": "财务部 王会计",
                    "reply_channel": "paper",
                    "reply_date": fields.Date.context_today(statement),
                    "reply_registered_by": self.salesman.id,
                }
            ],
        )
        self.assertEqual(statement.reply_scan_id.raw, SCAN)
        self.assertEqual(statement.reply_scan_id.name, "对账单-盖章.pdf")
        # the same signed revision with its hash as a confirmation in the portal
        signed = statement.revision_ids.filtered(lambda r: r.kind == "signed")
        self.assertEqual(len(signed), 1)
        self.assertEqual(signed.checksum, hashlib.sha256(signed.attachment_id.raw).hexdigest())
        message = statement.message_ids.filtered(lambda m: signed.attachment_id in m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(statement.reply_scan_id, message.attachment_ids)
        self.assertIn("王会计", message.body)
        self.assertEqual(message.author_id, self.salesman.partner_id)
        # finance hands it over as any confirmed statement
        statement.with_user(self.finance).action_handover()
        self.assertEqual(statement.state, "done")

    def test_reply_without_scan_is_refused(self):
        for channel in ("paper", "fax", "email"):
            wizard = self._wizard(channel=channel, signer="王会计")
            with self.subTest(channel=channel), self.assertRaises(UserError):
                wizard.action_register()
        self.assertEqual(self.statement.state, "sent")
        self.assertFalse(self.statement.reply_channel)
        # nor directly, nor without a signer
        with self.assertRaises(UserError):
            self.statement._action_customer_confirm("王会计", None, reply={"channel": "fax"})
        wizard = self._wizard(channel="fax", scan=base64.b64encode(SCAN))
        with self.assertRaises(UserError):
            wizard.action_register()
        self.assertEqual(self.statement.state, "sent")

    def test_fax_reply_disputing_lines(self):
        line = self.statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        wizard = self._wizard(result="disputed", channel="fax", scan=base64.b64encode(SCAN))
        with self.assertRaises(UserError):
            wizard.action_register()
        wizard.line_ids = [
            Command.create(
                {
                    "statement_line_id": line.id,
                    "their_amount": 350.0,
                    "reason": "我方只收到 350 元的货",
                }
            )
        ]
        wizard.line_ids._onchange_statement_line_id()
        wizard.action_register()
        statement = self.statement
        self.assertEqual(statement.state, "disputed")
        self.assertEqual(statement.reply_channel, "fax")
        self.assertRecordValues(
            statement.discrepancy_ids,
            [{"document": self.inv_feb20.name, "our_amount": 400.0, "their_amount": 350.0}],
        )
        self.assertFalse(statement.revision_ids.filtered(lambda r: r.kind == "signed"))
        self.assertIn(statement.reply_scan_id, statement.message_ids[0].attachment_ids)

    def test_portal_confirmation_records_its_channel(self):
        self.statement.sudo()._action_customer_confirm("王会计", SIGNATURE)
        self.assertEqual(self.statement.reply_channel, "portal")
        self.assertFalse(self.statement.reply_scan_id)

    def test_reply_fields_are_the_workflows(self):
        statement = self.statement.with_user(self.salesman)
        for values in (
            {"reply_channel": "paper"},
            {"reply_date": "2026-03-01"},
            {"reply_registered_by": self.salesman.id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                statement.write(values)

    def test_emailed_reply_lands_on_the_statement(self):
        statement = self.statement
        mail = EmailMessage()
        mail["From"] = "ap@hongda.example.com"
        mail["To"] = "statement-replies@huadong.example.com"
        mail["Subject"] = f"回复：{statement.name} 对账确认"
        mail["Message-ID"] = "<stamped-reply-1@hongda.example.com>"
        mail.set_content("我司确认二月对账单无误，盖章扫描件见附件。")
        mail.add_attachment(SCAN, maintype="application", subtype="pdf", filename="stamped.pdf")
        count = self.env["sales.statement"].search_count([])
        self.env["mail.thread"].message_process("sales.statement", mail.as_string())
        self.assertEqual(self.env["sales.statement"].search_count([]), count)
        message = statement.message_ids[0]
        self.assertIn("盖章扫描件", message.body)
        self.assertEqual(message.attachment_ids.mapped("name"), ["stamped.pdf"])
        activity = statement.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("sales_reconciliation.mail_activity_type_statement_reply")
            )
        )
        self.assertEqual(activity.user_id, self.salesman)
        # registering the reply closes the activity
        wizard = self._wizard(
            channel="email", signer="王会计", scan=base64.b64encode(message.attachment_ids.raw)
        )
        wizard.action_register()
        self.assertEqual(statement.state, "confirmed")
        self.assertFalse(statement.activity_ids.filtered(lambda a: a in activity))
