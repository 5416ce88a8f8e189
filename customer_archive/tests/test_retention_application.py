import base64
import csv
import io

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import tier_decide
from .common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestRetentionApplication(RetentionCommon):
    """A destruction application for named records (seed 001, 六、2: 填写销毁申请, 编号登记,
    核对, 销毁记录): the same request, approvals, export, log and certificate as a sweep's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed, cls.other = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "email": "old@example.com",
                    "phone": "0571-88888888",
                }
                for name in ("杭州已销户有限公司", "南京已销户有限公司")
            ]
        )
        (cls.closed | cls.other).action_close_customer()
        cls.Request = cls.env["archive.destruction.request"].with_user(cls.archivist)
        cls.partner_model = cls.env["ir.model"]._get("res.partner")

    def _application(self, partners, **values):
        vals = {
            "target_model_id": self.partner_model.id,
            "action": "anonymize",
            "reason": "客户关系终止，档案保管期满",
            "check_identified": True,
            "check_complete": True,
            "check_not_needed": True,
            "line_ids": [Command.create({"record_ref": f"res.partner,{p.id}"}) for p in partners],
        }
        vals.update(values)
        return self.Request.create(vals)

    def test_applied_by_hand_approved_executed_certified(self):
        form = Form(self.Request)
        form.target_model_id = self.partner_model
        form.action = "anonymize"
        form.reason = "客户关系终止，档案保管期满"
        with form.line_ids.new() as line:
            line.record_ref = self.closed
        request = form.save()
        self.assertEqual(request.request_type, "application")
        self.assertTrue(request.name.startswith("DA/"), request.name)
        self.assertEqual(
            (request.res_model, request.action, request.approval_steps),
            ("res.partner", "anonymize", 2),
        )
        self.assertEqual(request.line_ids.name, self.closed.display_name)
        # 核对: the checklist is ticked before the application is submitted
        with self.assertRaises(UserError):
            request.action_submit()
        request.write({"check_identified": True, "check_complete": True, "check_not_needed": True})
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        # what was submitted is what is approved
        with self.assertRaises(AccessError):
            request.write({"reason": "另一个理由"})
        with self.assertRaises(AccessError):
            tier_decide(request, self.archivist)
        tier_decide(request, self.archivist_2, comment="已核对")
        self.assertEqual(request.state, "to_approve")
        tier_decide(request, self.archivist_3, comment="同意销毁")
        self.assertEqual(request.state, "approved")
        request.action_execute()
        self.assertEqual(request.state, "done")
        self.assertFalse(self.closed.email)
        self.assertFalse(self.closed.phone)
        self.assertEqual(self.other.email, "old@example.com")
        content = base64.b64decode(request.export_attachment_id.datas).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(content)))
        self.assertEqual([int(row["id"]) for row in rows], self.closed.ids)
        self.assertEqual(rows[0]["email"], "old@example.com")
        log = request.log_ids
        self.assertEqual((log.done_count, log.policy_id.id), (1, False))
        self.assertIn("同意销毁", log.approvals)
        report = self.env.ref("record_retention.archive_destruction_request_report")
        html = self.env["ir.actions.report"]._render_qweb_html(report.report_name, request.ids)[0]
        html = html.decode()
        for text in (request.name, "客户关系终止，档案保管期满", request.export_sha256):
            self.assertIn(text, html)
        self.assertIn("杭州已销户有限公司", html)

    def test_protected_record_refused_with_its_reason(self):
        self.env["archive.legal.hold"].create({"partner_id": self.closed.id, "reason": "诉讼"})
        with self.assertRaisesRegex(UserError, "Under legal hold") as caught:
            self._application(self.closed | self.other)
        self.assertIn("杭州已销户有限公司", str(caught.exception))
        # the company's own partner is protected by the customer file
        with self.assertRaisesRegex(UserError, "Partner of a user or of a company"):
            self._application(self.env.company.partner_id)
        # a hold placed after the application was filed stops its submission
        request = self._application(self.other)
        self.env["archive.legal.hold"].create({"partner_id": self.other.id, "reason": "审计"})
        with self.assertRaisesRegex(UserError, "Under legal hold"):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_hold_after_approval_skipped_at_execution(self):
        request = self._application(self.closed | self.other)
        request.action_submit()
        self._approve(request)
        self.env["archive.legal.hold"].create({"partner_id": self.other.id, "reason": "诉讼"})
        request.action_execute()
        self.assertEqual(request.state, "done")
        lines = {line.res_id: line for line in request.line_ids}
        self.assertEqual(lines[self.closed.id].state, "done")
        self.assertEqual(
            (lines[self.other.id].state, lines[self.other.id].note), ("skipped", "Under legal hold")
        )
        self.assertFalse(self.closed.email)
        self.assertEqual(self.other.email, "old@example.com")

    def test_only_models_that_opted_in_and_their_actions(self):
        with self.assertRaises(ValidationError):
            self.Request.create(
                {"target_model_id": self.env["ir.model"]._get("res.groups").id, "reason": "x"}
            )
        with self.assertRaises(ValidationError):
            self.Request.create({"res_model": "res.users", "reason": "x"})
        lead_model = self.env["ir.model"]._get("crm.lead")
        request = self.Request.create({"target_model_id": lead_model.id, "action": "delete"})
        with self.assertRaises(ValidationError):
            request.write({"action": "destroy_all"})
        # the applicant does not choose fewer approvals
        with self.assertRaises(AccessError):
            request.write({"approval_steps": 1})
        # records of another model are not listed
        with self.assertRaises(UserError):
            request.write(
                {"line_ids": [Command.create({"record_ref": f"res.partner,{self.closed.id}"})]}
            )
        # a sweep's request keeps its policy's model and action
        policy = self._create_policy()
        self._create_leads(1, self.cutoff.replace(year=self.cutoff.year - 1))
        sweep = policy.action_run_sweep()
        self.assertEqual(sweep.request_type, "sweep")
        self.assertTrue(sweep.name.startswith("DEST/"))
        with self.assertRaises(AccessError):
            sweep.write({"action": "delete"})
