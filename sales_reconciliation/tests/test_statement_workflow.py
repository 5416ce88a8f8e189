import hashlib
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import SIGNATURE, FebruaryStatementCommon


@tagged("post_install", "-at_install")
class TestStatementWorkflow(FebruaryStatementCommon, MockEmail):
    def _sent_message(self, statement):
        return statement.message_ids.filtered(
            lambda m: m.subject == "[华东机械有限公司][2026-02] 销售对账单"
        )

    def test_send_mails_pdf_with_portal_link_and_schedules_reminder(self):
        statement = self.statement
        with self.mock_mail_gateway():
            statement.with_user(self.salesman).action_send()
        self.assertEqual(statement.state, "sent")
        message = self._sent_message(statement)
        self.assertEqual(len(message), 1)
        self.assertIn(self.customer_contact, message.partner_ids)
        self.assertIn(statement.access_token, message.body)
        self.assertIn(f"/my/statements/{statement.id}", message.body)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertEqual(
            message.attachment_ids.name, f"{statement.name}-上海宏达贸易有限公司-R0.pdf"
        )
        # the mail itself goes to the customer's invoice address
        mail = self._new_mails.filtered(lambda m: m.mail_message_id == message)
        self.assertTrue(mail)
        self.assertIn(self.customer_contact, mail.recipient_ids)
        # the sent version is kept with its hash
        version = statement.revision_ids
        self.assertEqual(len(version), 1)
        self.assertEqual(version.kind, "sent")
        self.assertEqual(version.attachment_id, message.attachment_ids)
        self.assertEqual(version.checksum, hashlib.sha256(version.attachment_id.raw).hexdigest())
        # reminder activity for the salesperson after the configured days
        activity = statement.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("sales_reconciliation.mail_activity_type_statement_reminder"),
        )
        self.assertEqual(
            activity.date_deadline, fields.Date.context_today(statement) + timedelta(days=7)
        )

    def test_send_without_email_is_refused(self):
        self.customer.email = False
        self.customer_contact.email = False
        with self.assertRaises(UserError):
            self.statement.action_send()

    def test_sent_statement_regenerated_gets_new_revision_and_keeps_old_pdf(self):
        statement = self.statement
        statement.action_send()
        old_version = statement.revision_ids
        old_pdf = old_version.attachment_id.raw
        Statement = self.env["sales.statement"]
        # nothing changed: no new revision
        self.assertEqual(
            Statement.generate_statements("2026-02-01", "2026-02-28"),
            Statement.search([("date_from", "=", "2026-02-01")]),
        )
        self.assertEqual((statement.revision, statement.state), (0, "sent"))
        # a credit note is posted into the period: reissue as revision 1
        self._invoice(self.customer, 80.0, date(2026, 2, 26), move_type="out_refund")
        again = Statement.generate_statements("2026-02-01", "2026-02-28", self.customer)
        self.assertEqual(again, statement)
        self.assertRecordValues(
            statement,
            [{"revision": 1, "state": "draft", "amount_returns": 230.0, "closing_balance": 2570.0}],
        )
        self.assertTrue(old_version.exists())
        self.assertEqual(old_version.attachment_id.raw, old_pdf)
        self.assertEqual(old_version.checksum, hashlib.sha256(old_pdf).hexdigest())
        statement.action_send()
        self.assertEqual(statement.revision_ids.mapped("revision"), [1, 0])
        self.assertTrue(statement.revision_ids[0].attachment_id.name.endswith("-R1.pdf"))

    def test_confirmed_statement_is_never_touched(self):
        statement = self.statement
        statement.action_send()
        statement._action_customer_confirm(
            "王会计",
            SIGNATURE,
        )
        self._invoice(self.customer, 80.0, date(2026, 2, 26))
        self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28", self.customer)
        self.assertRecordValues(
            statement, [{"state": "confirmed", "revision": 0, "closing_balance": 2650.0}]
        )

    def test_resolution_message_in_the_users_language(self):
        """The chatter names the reason category in Chinese, not the code's English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["sales_reconciliation"], ["zh_CN"])
        statement = self.statement
        statement.action_send()
        line = statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        discrepancies = statement._action_customer_dispute(
            [{"statement_line_id": line.id, "their_amount": 360.0, "reason": "单价应为180"}]
        )
        discrepancies.write(
            {
                "reason_category": "price",
                "responsible_side": "company",
                "resolution": "开具红字发票",
            }
        )
        discrepancies.with_user(self.salesman).with_context(lang="zh_CN").action_resolve()
        body = statement.message_ids[:1].body
        self.assertIn("差异已处理", body)
        self.assertIn("价格调整", body)
        self.assertNotIn("Price adjustment", body)

    def test_resolution_dialog_with_credit_note(self):
        """The salesperson answers the dispute in one dialog; our over-billing becomes a
        draft credit note for finance, and the customer reads the resolution."""
        statement = self.statement
        statement.action_send()
        line = statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        discrepancy = statement._action_customer_dispute(
            [
                {
                    "statement_line_id": line.id,
                    "their_amount": line.debit - 40.0,
                    "reason": "少算折扣",
                }
            ]
        )
        action = discrepancy.with_user(self.salesman).action_open_resolve()
        with Form(
            self.env[action["res_model"]].with_user(self.salesman).with_context(**action["context"])
        ) as form:
            self.assertEqual(form.over_billed, 40.0)
            form.reason_category = "price"
            form.responsible_side = "company"
            form.resolution = "按合同折扣开具红字发票"
            form.create_credit_note = True
        form.record.action_resolve()
        self.assertRecordValues(
            discrepancy,
            [
                {
                    "state": "resolved",
                    "resolution": "按合同折扣开具红字发票",
                    "resolved_by": self.salesman.id,
                }
            ],
        )
        credit_note = discrepancy.credit_note_id
        self.assertRecordValues(
            credit_note,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "partner_id": self.customer.id,
                    "amount_total": 40.0,
                }
            ],
        )
        with self.assertRaises(AccessError):
            discrepancy.with_user(self.salesman).write({"credit_note_id": False})

    def test_dispute_resolve_resend_confirm_handover(self):
        statement = self.statement
        statement.action_send()
        line = statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        discrepancies = statement._action_customer_dispute(
            [{"statement_line_id": line.id, "their_amount": 360.0, "reason": "单价应为180"}]
        )
        self.assertRecordValues(
            discrepancies,
            [
                {
                    "document": self.inv_feb20.name,
                    "our_amount": 400.0,
                    "their_amount": 360.0,
                    "difference": 40.0,
                    "state": "open",
                    "revision": 0,
                }
            ],
        )
        self.assertEqual(statement.state, "disputed")
        self.assertTrue(statement.had_discrepancy)
        dispute_activity = statement.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("sales_reconciliation.mail_activity_type_statement_dispute")
            )
        )
        self.assertEqual(dispute_activity.user_id, self.salesman)
        # the salesperson must record category, side and resolution
        with self.assertRaises(UserError):
            statement.with_user(self.salesman).action_resolve()
        with self.assertRaises(UserError):
            discrepancies.with_user(self.salesman).action_resolve()
        discrepancies.with_user(self.salesman).write(
            {
                "reason_category": "price",
                "responsible_side": "company",
                "resolution": "按合同单价180元开具红字发票40元",
            }
        )
        discrepancies.with_user(self.salesman).action_resolve()
        self.assertRecordValues(
            discrepancies, [{"state": "resolved", "resolved_by": self.salesman.id}]
        )
        statement.with_user(self.salesman).action_resolve()
        self.assertEqual(statement.state, "resolved")
        # the correction is booked, then the statement is re-sent as a new revision
        self._invoice(self.customer, 40.0, date(2026, 2, 27), move_type="out_refund")
        statement.with_user(self.salesman).action_send()
        self.assertRecordValues(
            statement, [{"state": "sent", "revision": 1, "closing_balance": 2610.0}]
        )
        self.assertEqual(len(self._sent_message(statement)), 2)
        statement._action_customer_confirm(
            "王会计",
            SIGNATURE,
        )
        self.assertEqual(statement.state, "confirmed")
        signed = statement.revision_ids.filtered(lambda r: r.kind == "signed")
        self.assertEqual(signed.revision, 1)
        self.assertIn(signed.attachment_id, statement.message_ids.attachment_ids)
        with self.assertRaises(AccessError):
            statement.with_user(self.salesman).action_handover()
        statement.with_user(self.finance).action_handover()
        self.assertRecordValues(statement, [{"state": "done", "handover_user_id": self.finance.id}])

    def test_reminder_cron_reminds_unanswered_statements(self):
        statement = self.statement
        statement.action_send()
        Statement = self.env["sales.statement"]
        Statement._cron_remind()
        self.assertEqual(statement.reminder_count, 0)
        later = fields.Datetime.now() + timedelta(days=8)
        with patch.object(fields.Datetime, "now", lambda *a, **k: later):
            Statement._cron_remind()
        self.assertEqual(statement.reminder_count, 1)
        self.assertEqual(len(self._sent_message(statement)), 2)

    def test_salesperson_sees_only_own_customers(self):
        other = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.other_customer
        )
        Statement = self.env["sales.statement"].with_user(self.salesman)
        visible = Statement.search([])
        self.assertIn(self.statement, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.salesman).read(["closing_balance"])
        self.assertIn(other, self.env["sales.statement"].with_user(self.finance).search([]))

    def test_sent_statement_cannot_be_deleted(self):
        self.statement.action_send()
        with self.assertRaises(UserError):
            self.statement.unlink()
