from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import SIGNATURE, FebruaryStatementCommon


@tagged("post_install", "-at_install")
class TestStatementComposer(FebruaryStatementCommon, MockEmail):
    """The Send button of the form opens the mail composer with the statement template:
    the customer's language, the statement's recipients and its PDF; posting it sends
    the statement as the button did, under the same checks."""

    def _composer(self, statement, user):
        action = statement.with_user(user).action_send_composer()
        self.assertEqual(action["res_model"], "mail.compose.message")
        return (
            self.env["mail.compose.message"].with_user(user).with_context(**action["context"])
        ).create({})

    def test_composer_previews_and_sends_the_statement(self):
        statement = self.statement
        composer = self._composer(statement, self.salesman)
        self.assertEqual(composer.composition_mode, "comment")
        self.assertEqual(composer.partner_ids, self.customer_contact)
        self.assertIn("销售对账单", composer.subject)
        self.assertIn("Please find attached our statement", composer.body)
        self.assertIn(statement.name, composer.body)
        self.assertIn("2,650.00", composer.body)
        self.assertEqual(len(composer.attachment_ids), 1)
        self.assertTrue(composer.attachment_ids.name.startswith(f"{statement.name}-R0."))
        # opening the composer sends nothing yet
        self.assertEqual(statement.state, "draft")
        self.assertFalse(statement.revision_ids)
        with self.mock_mail_gateway():
            composer.action_send_mail()
        self.assertRecordValues(
            statement, [{"state": "sent", "sending_state": "sent", "reminder_count": 0}]
        )
        self.assertTrue(statement.sent_on)
        self.assertTrue(statement.access_token)
        version = statement.revision_ids
        self.assertRecordValues(version, [{"kind": "sent", "revision": 0}])
        message = statement.message_ids.filtered(lambda m: m.subject and "销售对账单" in m.subject)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.salesman.partner_id)
        self.assertEqual(message.partner_ids, self.customer_contact)
        # the PDF sent is the archived version, not a second copy of the preview
        self.assertEqual(message.attachment_ids, version.attachment_id)
        self.assertFalse(
            self.env["ir.attachment"].search([("id", "in", composer.attachment_ids.ids)])
        )
        mail = self._new_mails.filtered(lambda m: m.mail_message_id == message)
        self.assertEqual(mail.recipient_ids, self.customer_contact)
        self.assertIn(self.customer_contact, statement.message_partner_ids)
        self.assertEqual(
            statement.activity_ids.activity_type_id,
            self.env.ref("sales_reconciliation.mail_activity_type_statement_reminder"),
        )

    def test_body_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        composer = self._composer(self.statement, self.salesman)
        self.assertEqual(composer.lang, "zh_CN")
        self.assertIn("附件为我方", composer.body)
        self.assertIn("查看对账单", composer.body)
        self.assertNotIn("Please find attached", composer.body)

    def test_resolved_statement_is_reissued_before_the_preview(self):
        statement = self.statement
        statement.action_send()
        line = statement.line_ids.filtered(lambda line: line.document == self.inv_feb.name)
        statement._action_customer_dispute(
            [{"statement_line_id": line.id, "their_amount": 1800.0, "reason": "单价不符"}]
        )
        statement.discrepancy_ids.write(
            {"reason_category": "price", "responsible_side": "company", "resolution": "红字发票"}
        )
        statement.discrepancy_ids.action_resolve()
        statement.action_resolve()
        self._invoice(self.customer, 200.0, self.d("2026-02-27"), move_type="out_refund")
        composer = self._composer(statement, self.salesman)
        # the composer shows the corrected figures: reissued, not sent yet
        self.assertRecordValues(
            statement, [{"state": "draft", "revision": 1, "closing_balance": 2450.0}]
        )
        self.assertIn("2,450.00", composer.body)
        self.assertTrue(composer.attachment_ids.name.startswith(f"{statement.name}-R1."))
        with self.mock_mail_gateway():
            composer.action_send_mail()
        self.assertRecordValues(statement, [{"state": "sent", "revision": 1}])
        self.assertEqual(
            statement.revision_ids.filtered(lambda r: r.kind == "sent").mapped("revision"), [1, 0]
        )

    def test_composer_has_the_buttons_checks(self):
        # a statement without salesperson: every salesperson reads it, none changes it
        statement = self.statement
        statement.sudo().user_id = False
        with self.assertRaises(AccessError):
            statement.with_user(self.other_salesman).action_send_composer()
        action = self.statement.with_user(self.sales_manager).action_send_composer()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.other_salesman)
            .with_context(**action["context"])
            .create({"body": "对账单"})
        )
        with self.assertRaises(AccessError), self.mock_mail_gateway():
            composer.action_send_mail()
        self.assertEqual(statement.state, "draft")
        # the state changed while the composer was open: the workflow refuses it
        composer = self._composer(statement, self.sales_manager)
        statement.action_send()
        # the customer confirms in the portal, whose controller works as superuser
        statement.sudo()._action_customer_confirm("王会计", SIGNATURE)
        with self.assertRaisesRegex(UserError, "cannot be sent in its current state"):
            composer.action_send_mail()
        self.assertEqual(statement.state, "confirmed")
        # the same through RPC: message_post with the composer's context
        with self.assertRaises(UserError):
            statement.with_user(self.sales_manager).with_context(
                mark_statement_as_sent=True
            ).message_post(body="再次发送")
        # no recipient with an e-mail address: refused before the composer opens
        self.customer.email = False
        self.customer_contact.email = False
        other = self.env["sales.statement"].generate_statements(
            "2026-01-01", "2026-01-31", self.customer
        )
        with self.assertRaisesRegex(UserError, "has no invoice address"):
            other.with_user(self.salesman).action_send_composer()
