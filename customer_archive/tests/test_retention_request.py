import base64
import csv
import hashlib
import io
import json

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import tier_decide
from .common_retention import RetentionCommon


# HttpCase: wkhtmltopdf loads the report's assets over HTTP, which Odoo's test runner
# serves only while a test holds the registry in test mode.
@tagged("post_install", "-at_install")
class TestRetentionRequest(RetentionCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old_date = cls.cutoff - relativedelta(months=2)

    def test_one_step_approval_by_another_administrator(self):
        policy = self._create_policy()
        self._create_leads(2, self.old_date)
        request = policy.action_run_sweep()
        self.assertEqual(request.state, "draft")
        self.assertTrue(request.name.startswith("DEST/"))
        self.assertEqual((request.res_model, request.action), ("crm.lead", "archive"))
        self.assertFalse(request.finance_review)
        request.action_submit()
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("record_retention.tier_destruction_archive"),
        )
        # The administrator who swept and submitted it does not approve it.
        with self.assertRaises(AccessError):
            tier_decide(request, self.archivist)
        tier_decide(request, self.archivist_2, comment="已核对清单")
        self.assertEqual(request.state, "approved")
        self.assertIn("Archivist Two", request.approval_summary)
        self.assertIn("已核对清单", request.approval_summary)

    def test_two_step_approval_by_two_distinct_users(self):
        policy = self._create_policy(approval_steps=2)
        self._create_leads(1, self.old_date)
        request = policy.action_run_sweep()
        request.action_submit()
        tier_decide(request, self.archivist_2)
        self.assertEqual(request.state, "to_approve")
        # One person signs one step: the second needs another administrator.
        with self.assertRaises(AccessError):
            tier_decide(request, self.archivist_2)
        self.assertEqual(request.state, "to_approve")
        with self.assertRaises(UserError):
            request.action_execute()
        with self.assertRaises(AccessError):
            tier_decide(request, self.salesman)
        tier_decide(request, self.archivist_3)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.review_ids.mapped("done_by"), self.archivist_2 | self.archivist_3)

    def test_export_attached_with_its_sha256_before_delete(self):
        policy = self._create_policy(action="delete")
        leads = self._create_leads(3, self.old_date, email_from="old@example.com")
        names = leads.mapped("name")
        request = self._approved_request(policy)
        request.action_execute()
        self.assertEqual(request.state, "done")
        self.assertFalse(leads.exists())
        attachment = request.export_attachment_id
        self.assertTrue(attachment)
        self.assertEqual((attachment.res_model, attachment.res_id), (request._name, request.id))
        content = base64.b64decode(attachment.datas)
        self.assertEqual(request.export_sha256, hashlib.sha256(content).hexdigest())
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        self.assertEqual(sorted(int(row["id"]) for row in rows), sorted(leads.ids))
        self.assertEqual(sorted(row["name"] for row in rows), sorted(names))
        self.assertEqual({row["email_from"] for row in rows}, {"old@example.com"})
        self.assertEqual({row["tag_ids"] for row in rows}, {f"[{self.crm_tag.id}]"})
        log = request.log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.export_sha256, request.export_sha256)
        self.assertEqual(log.export_attachment_id, attachment)
        self.assertEqual((log.done_count, log.skipped_count, log.failed_count), (3, 0, 0))
        self.assertEqual(sorted(json.loads(log.record_ids)), sorted(leads.ids))
        self.assertEqual(log.user_id, self.archivist)
        self.assertEqual(log.approvals, request.approval_summary)
        self.assertIn("Archivist Two", log.approvals)

    def test_archive_action(self):
        policy = self._create_policy()
        leads = self._create_leads(2, self.old_date)
        self._approved_request(policy).action_execute()
        self.assertEqual(leads.mapped("active"), [False, False])

    def test_anonymize_changes_only_the_listed_fields(self):
        policy = self._create_policy(
            action="anonymize",
            anonymize_field_ids=[
                (
                    6,
                    0,
                    (self._field("crm.lead", "email_from") | self._field("crm.lead", "phone")).ids,
                )
            ],
        )
        values = {
            "email_from": "a@example.com",
            "phone": "010-1234",
            "contact_name": "张先生",
            "description": "<p>VIP</p>",
            "street": "1 Nanjing Road",
            "city": "Shanghai",
        }
        kept = ["name", "contact_name", "description", "street", "city", "date_deadline", "active"]
        old = self._create_leads(2, self.old_date, **values)
        recent = self._create_leads(1, self.today, **values)
        before = old.read(kept)
        request = self._approved_request(policy)
        self.assertEqual(request.anonymize_fields, "email_from,phone")
        request.action_execute()
        self.assertRecordValues(old, [{"email_from": False, "phone": False}] * 2)
        self.assertEqual(old.read(kept), before)
        self.assertRecordValues(recent, [{"email_from": "a@example.com", "phone": "010-1234"}])

    def test_records_held_after_the_sweep_are_skipped(self):
        policy = self._create_policy(action="delete")
        kept, gone = self._create_leads(2, self.old_date)
        request = self._approved_request(policy)
        self.env["archive.legal.hold"].with_user(self.archivist).create(
            {"res_model": "crm.lead", "res_id": kept.id, "reason": "New lawsuit"}
        )
        request.action_execute()
        self.assertTrue(kept.exists())
        self.assertFalse(gone.exists())
        self.assertEqual((request.done_count, request.skipped_count), (1, 1))
        self.assertEqual(request.state, "done")

    def test_failing_batch_rolled_back_and_reported(self):
        """A batch that fails leaves none of its records changed; the others are done and
        the request can be executed again for what is left."""
        policy = self._create_partner_policy(action="delete", batch_size=2)
        partners = self._create_partners(6)
        journal = self.env["account.journal"].create(
            {"name": "Retention test", "code": "RTT", "type": "general"}
        )
        move = self.env["account.move"].create(
            {"move_type": "entry", "journal_id": journal.id, "partner_id": partners[2].id}
        )
        request = self._approved_request(policy, self.today + relativedelta(years=2))
        logger = "odoo.addons.record_retention.models.archive_destruction_request"
        with self.assertLogs(logger, "WARNING") as logged:
            request.action_execute()
        self.assertIn(f"Destruction batch of {request.name} failed", logged.output[0])
        # partners are processed by id: batch 2 (partners 2 and 3) fails as a whole
        self.assertFalse((partners[:2] | partners[4:]).exists())
        self.assertEqual(partners[2:4].exists(), partners[2:4])
        self.assertEqual(request.state, "approved")
        self.assertEqual((request.done_count, request.failed_count), (4, 2))
        failed = request.line_ids.filtered(lambda line: line.state == "failed")
        self.assertEqual(failed.mapped("res_id"), partners[2:4].ids)
        self.assertTrue(failed[0].note)
        self.assertIn("4 record(s) processed", request.result)
        self.assertEqual(request.log_ids.failed_count, 2)
        # once the blocking entry is gone the request finishes
        move.unlink()
        request.action_execute()
        self.assertEqual(request.state, "done")
        self.assertFalse(partners.exists())
        self.assertEqual(len(request.log_ids), 2)

    def test_log_and_executed_request_immutable_for_admin(self):
        policy = self._create_policy(action="delete")
        self._create_leads(1, self.old_date)
        request = self._approved_request(policy)
        request.action_execute()
        log = request.log_ids
        for user in (self.admin, self.archivist):
            with self.subTest(user=user.login):
                log_as_user = log.with_user(user)
                with self.assertRaises(UserError):
                    log_as_user.write({"done_count": 0})
                with self.assertRaises(UserError):
                    log_as_user.unlink()
                request_as_user = request.with_user(user)
                with self.assertRaises(UserError):
                    request_as_user.write({"result": "nothing happened"})
                with self.assertRaises(UserError):
                    request_as_user.unlink()
                with self.assertRaises(UserError):
                    request_as_user.line_ids.write({"state": "pending"})
                with self.assertRaises(UserError):
                    request_as_user.line_ids.unlink()
                with self.assertRaises(UserError):
                    request_as_user.action_cancel()
        with self.assertRaises(UserError):
            log.sudo().write({"export_sha256": "0" * 64})
        with self.assertRaises(UserError):
            log.sudo().unlink()
        self.assertEqual(log.done_count, 1)
        # the chatter stays usable
        request.message_post(body="Certificate filed")

    def test_export_and_messages_of_executed_request_immutable_for_everyone(self):
        policy = self._create_policy(action="delete")
        self._create_leads(1, self.old_date)
        request = self._approved_request(policy)
        draft_message = request.message_post(body="Checked the list")
        draft_message.write({"body": "Checked the list again"})  # before: the chatter's own
        request.action_execute()
        attachment = request.export_attachment_id
        messages = self.env["mail.message"].search(
            [("model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertIn(attachment, messages.attachment_ids)
        for env in (self.env(user=self.admin), self.env(user=self.archivist), self.env(su=True)):
            with self.subTest(user=env.user.login, su=env.su):
                with self.assertRaises(UserError):
                    attachment.with_env(env).write({"raw": b"forged"})
                with self.assertRaises(UserError):
                    attachment.with_env(env).write({"res_id": 0})
                with self.assertRaises(UserError):
                    attachment.with_env(env).unlink()
                with self.assertRaises(UserError):
                    messages.with_env(env).unlink()
                with self.assertRaises(UserError):
                    draft_message.with_env(env).write({"body": "Nothing checked"})
        with self.assertRaises(UserError):
            request._message_update_content(draft_message, "Nothing checked")
        self.assertEqual(
            hashlib.sha256(base64.b64decode(attachment.datas)).hexdigest(), request.export_sha256
        )
        # other attachments and messages stay the users' own
        other = self.env["ir.attachment"].create({"name": "note.txt", "raw": b"x"})
        other.write({"raw": b"y"})
        other.unlink()

    def test_certificate_pdf_renders_chinese(self):
        policy = self._create_policy(action="delete", name="销货台账保存五年")
        self._create_leads(1, self.old_date)
        request = self._approved_request(policy)
        request.action_execute()
        report = self.env.ref("record_retention.archive_destruction_request_report")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.archivist.lang = "zh_CN"
        html = self.env["ir.actions.report"]._render_qweb_html(report.report_name, request.ids)[0]
        html = html.decode()
        self.assertIn(request.name, html)
        self.assertIn("销货台账保存五年", html)
        self.assertIn(request.export_sha256, html)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.archivist)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, request.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn(b"NotoSansCJK", pdf, "the Chinese text is set in a CJK font")
        action = request.action_print_certificate()
        self.assertEqual(action["report_name"], report.report_name)

    def test_draft_and_cancelled_requests(self):
        policy = self._create_policy()
        leads = self._create_leads(2, self.old_date)
        request = policy.action_run_sweep()
        request.line_ids.filtered(lambda line: line.res_id == leads[0].id).unlink()
        self.assertEqual(request.line_count, 1)
        request.action_submit()
        with self.assertRaises(UserError):
            request.line_ids.unlink()
        request.action_cancel()
        # a cancelled request frees its records for the next sweep
        self.assertEqual(
            sorted(policy.action_run_sweep().line_ids.mapped("res_id")), sorted(leads.ids)
        )
        self.assertFalse(request.review_ids, "cancelling drops the reviews")
        request.action_draft()
        self.assertFalse(request.approval_summary)
        request.unlink()
