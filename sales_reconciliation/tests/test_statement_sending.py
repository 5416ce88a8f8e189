from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import FebruaryStatementCommon


@tagged("post_install", "-at_install")
class TestStatementSending(FebruaryStatementCommon, MockEmail):
    """Statements go to the customer's invoice address or accounting contact; many are
    sent in the background, each with its sending status and the error of a failure."""

    def _send_message(self, statement):
        return statement.message_ids.filtered(lambda m: m.subject and "销售对账单" in m.subject)

    def test_sent_to_the_invoice_address(self):
        statement = self.statement.with_user(self.salesman)
        self.assertEqual(statement.recipient_ids, self.customer_contact)
        with self.mock_mail_gateway():
            statement.action_send()
        self.assertEqual(statement.state, "sent")
        self.assertEqual(statement.sending_state, "sent")
        message = self._send_message(statement)
        self.assertEqual(message.partner_ids, self.customer_contact)
        # the archived PDF only: the template's report is for the composer
        self.assertEqual(message.attachment_ids, statement.revision_ids.attachment_id)
        mail = self._new_mails.filtered(lambda m: m.mail_message_id == message)
        self.assertEqual(mail.recipient_ids, self.customer_contact)
        self.assertIn(self.customer_contact, statement.message_partner_ids)
        self.assertNotIn(self.customer, statement.message_partner_ids)

    def test_accounting_contact_first_then_the_customer(self):
        accounting = self.env["res.partner"].create(
            {"name": "李财务", "parent_id": self.customer.id, "email": "li@hongda.example.com"}
        )
        self.customer.accounting_contact_id = accounting
        self.assertEqual(self.customer._statement_recipients(), accounting)
        with self.mock_mail_gateway():
            self.statement.action_send()
        self.assertEqual(self._send_message(self.statement).partner_ids, accounting)
        self.customer.accounting_contact_id = False
        self.assertEqual(self.customer._statement_recipients(), self.customer_contact)
        self.customer_contact.email = False
        # no invoice address with an e-mail: the customer's own address
        self.assertEqual(self.customer._statement_recipients(), self.customer)

    def test_no_address_is_a_clear_error_and_nothing_is_sent(self):
        self.customer.email = False
        self.customer_contact.email = False
        with self.assertRaisesRegex(UserError, "上海宏达贸易有限公司 has no invoice address"):
            self.statement.with_user(self.salesman).action_send()
        self.assertEqual(self.statement.state, "draft")
        self.assertFalse(self.statement.sending_state)

    def test_sending_status_is_the_jobs(self):
        statement = self.statement.with_user(self.salesman)
        for values in ({"sending_state": "sent"}, {"sending_error": "已发送"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                statement.write(values)

    def test_many_statements_in_the_background_one_failure_the_rest_sent(self):
        Partner = self.env["res.partner"]
        customers = Partner.create(
            [
                {
                    "name": f"客户{index:02d}有限公司",
                    "is_company": True,
                    "email": f"ap{index}@example.com",
                    "user_id": self.salesman.id,
                }
                for index in range(11)
            ]
        )
        without_address = customers[4]
        without_address.email = False
        for customer in customers:
            self._invoice(customer, 100.0, date(2026, 2, 10))
        statements = (
            self.env["sales.statement"]
            .generate_statements("2026-02-01", "2026-02-28", customers)
            .with_user(self.salesman)
        )
        self.assertEqual(len(statements), 11)
        # more than a handful at once: queued for the job, nothing rendered yet
        action = statements.action_send()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(set(statements.mapped("sending_state")), {"queued"})
        self.assertEqual(set(statements.mapped("state")), {"draft"})
        Statement = self.env["sales.statement"].sudo()
        progress = []

        def notify_progress(cron, *, done, remaining, deactivate=False):
            progress.append((done, remaining))

        with (
            patch.object(type(self.env["ir.cron"]), "_notify_progress", notify_progress),
            self.mock_mail_gateway(),
        ):
            Statement._cron_send_statements(batch_size=6)
            Statement._cron_send_statements(batch_size=6)
            Statement._cron_send_statements(batch_size=6)
        self.assertEqual(progress, [(6, 5), (5, 0)])
        failed = statements.filtered(lambda s: s.sending_state == "failed")
        self.assertEqual(failed.partner_id, without_address)
        self.assertIn("has no invoice address", failed.sending_error)
        self.assertEqual(failed.state, "draft")
        sent = statements - failed
        self.assertEqual(set(sent.mapped("sending_state")), {"sent"})
        self.assertEqual(set(sent.mapped("state")), {"sent"})
        self.assertFalse(any(sent.mapped("sending_error")))
        # sent as the salesperson who queued them, each to its customer
        for statement in sent:
            message = self._send_message(statement)
            self.assertEqual(message.author_id, self.salesman.partner_id)
            self.assertEqual(message.partner_ids, statement.partner_id)
        # the failure is fixed and the statement queued again
        without_address.email = "ap4@example.com"
        failed.action_send_background()
        self.assertEqual(failed.sending_state, "queued")
        self.assertFalse(failed.sending_error)
        with patch.object(type(self.env["ir.cron"]), "_notify_progress", notify_progress):
            Statement._cron_send_statements()
        self.assertEqual((failed.state, failed.sending_state), ("sent", "sent"))
