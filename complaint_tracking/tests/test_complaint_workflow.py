from datetime import timedelta

from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ComplaintCommon, shanghai


@tagged("post_install", "-at_install")
class TestComplaintWorkflow(ComplaintCommon):
    def _resolved_complaint(self, **values):
        complaint = self._create_complaint(**values)
        complaint.write({"root_cause": "仓储受潮", "measures": "补发并更换防潮包装"})
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.action_resolve()
        return complaint

    def _visit(self, complaint, **scores):
        vals = {
            "complaint_id": complaint.id,
            "score_quality": 5,
            "score_response": 5,
            "score_speed": 4,
            "score_attitude": 5,
        }
        vals.update(scores)
        return self.env["customer.complaint.visit"].with_user(self.cs_user).create(vals)

    def test_defaults_from_customer_and_sequence(self):
        with Form(self.Complaint.with_user(self.cs_user)) as form:
            form.partner_id = self.customer
            form.category_id = self.category
            form.description = "交货延迟三天"
            self.assertEqual(form.user_id, self.salesman)
            self.assertEqual(form.manager_id, self.cs_manager)
        complaint = form.record
        self.assertTrue(complaint.name.startswith("TS"))
        self.assertEqual(complaint.state, "new")
        # Without salesperson, the category's team takes over.
        self.customer.user_id = False
        orphan = self._create_complaint()
        self.assertEqual(orphan.user_id, self.cs_user)

    def test_acknowledge_records_response_time(self):
        received = shanghai(2025, 6, 6, 10, 0)
        complaint = self._create_complaint(received_at=received)
        self.env.cr.precommit.run()  # the complaint was registered in an earlier transaction
        with freeze_time(received + timedelta(hours=3)):
            complaint.with_user(self.cs_user).action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        self.assertEqual(complaint.acknowledged_at, received + timedelta(hours=3))
        self.assertAlmostEqual(complaint.response_hours, 3.0)
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking (and its stage e-mail) runs before commit
        complaint.invalidate_recordset(["message_ids"])
        template = self.env.ref("complaint_tracking.mail_template_complaint_acknowledged")
        sent = complaint.message_ids.filtered(lambda m: m.subject and complaint.name in m.subject)
        self.assertEqual(len(sent), 1, template.name)
        self.assertIn(self.customer, sent.partner_ids)
        with freeze_time(received + timedelta(days=1)):
            complaint.with_user(self.cs_user).action_investigate()
        self.assertTrue(complaint.sla_met)
        with self.assertRaises(UserError):
            complaint.action_acknowledge()

    def test_late_registration_misses_deadline(self):
        received = shanghai(2025, 6, 6, 10, 0)
        complaint = self._create_complaint(received_at=received)
        with freeze_time(received + timedelta(hours=1)):
            complaint.action_acknowledge()
        with freeze_time(shanghai(2025, 6, 12, 9, 0)):
            self.assertTrue(complaint.is_overdue)
            complaint.action_investigate()
            self.assertFalse(complaint.is_overdue)
        self.assertFalse(complaint.sla_met)

    def test_resolve_and_close_require_resolution_and_visit(self):
        complaint = self._create_complaint()
        complaint.action_acknowledge()
        with self.assertRaises(UserError):
            complaint.action_resolve()
        complaint.write({"root_cause": "仓储受潮", "measures": "补发"})
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertTrue(complaint.registered_at)
        with self.assertRaises(UserError):
            complaint.action_close()
        self.category.visit_required = False
        with self.assertRaisesRegex(UserError, "confirmed the resolution"):
            complaint.action_close()
        # The handler records the customer's confirmation by phone: nothing else is due.
        action = complaint.with_user(self.cs_user).action_record_confirmation()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.cs_user)
            .with_context(**action["context"])
            .create({"channel": "phone", "note": "王经理电话确认已收到补发"})
        )
        wizard.action_confirm()
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.closed_at)
        self.assertEqual(complaint.confirmation_channel, "phone")
        self.assertTrue(complaint.customer_confirmed_at)

    def test_satisfied_visit_closes_resolved_complaint(self):
        complaint = self._resolved_complaint()
        visit = self._visit(complaint)
        self.assertAlmostEqual(visit.score_average, 4.75)
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.customer_confirmed)
        self.assertEqual(complaint.confirmation_channel, "phone")
        self.assertAlmostEqual(complaint.satisfaction, 4.75)

    def test_low_score_reopens_and_plans_call_back(self):
        complaint = self._resolved_complaint()
        self._visit(complaint, score_attitude=2, comment="服务态度差")
        self.assertEqual(complaint.state, "investigating")
        self.assertFalse(complaint.resolved_at)
        self.assertFalse(complaint.customer_confirmed)
        call = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
        )
        self.assertEqual(call.user_id, self.cs_manager)

    def test_low_score_long_after_closing_files_linked_complaint(self):
        complaint = self._resolved_complaint()
        self._visit(complaint)
        self.assertEqual(complaint.state, "closed")
        complaint.closed_at = fields.Datetime.now() - timedelta(days=90)
        self._visit(complaint, score_quality=1, comment="问题再次出现")
        self.assertEqual(complaint.state, "closed")
        follow_up = complaint.child_ids
        self.assertEqual(len(follow_up), 1)
        self.assertEqual(follow_up.state, "new")
        self.assertEqual(follow_up.partner_id, self.customer)
        self.assertIn("问题再次出现", follow_up.description)
        self.assertEqual(follow_up.activity_ids.user_id, self.cs_manager)

    def test_score_range(self):
        complaint = self._resolved_complaint()
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation), self.cr.savepoint():
            self._visit(complaint, score_quality=6)

    def test_cancel_and_reset(self):
        complaint = self._create_complaint()
        complaint.action_cancel()
        self.assertEqual(complaint.state, "cancelled")
        complaint.action_reset_to_new()
        self.assertEqual(complaint.state, "new")
        resolved = self._resolved_complaint()
        with self.assertRaises(UserError):
            resolved.unlink()

    def test_repair_numbering(self):
        complaint = self._create_complaint()
        repair = (
            self.env["customer.complaint.repair"]
            .with_user(self.cs_user)
            .create(
                {"complaint_id": complaint.id, "fault": "压痕线开裂", "measures": "调整压痕深度"}
            )
        )
        self.assertTrue(repair.name.startswith("WX"))
        self.assertEqual(complaint.repair_count, 1)
        self.assertEqual(repair.technician_id, self.cs_user)


@tagged("post_install", "-at_install")
class TestComplaintEscalation(ComplaintCommon):
    def test_escalation_happens_once(self):
        overdue = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        fresh = self._create_complaint(received_at=fields.Datetime.now())
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(fresh.is_overdue)
        self.assertEqual(self.Complaint.search([("is_overdue", "=", True)]) & fresh, self.Complaint)
        self.assertIn(overdue, self.Complaint.search([("is_overdue", "=", True)]))
        self.assertIn(fresh, self.Complaint.search([("is_overdue", "=", False)]))

        messages_before = len(overdue.message_ids)
        self.Complaint._cron_escalate_overdue()
        self.Complaint._cron_escalate_overdue()
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = overdue.activity_ids.filtered(lambda a: a.activity_type_id == todo)
        # Regulation 004 reports to the sales manager too, beside the complaints manager.
        self.assertEqual(activities.user_id, self.cs_manager | self.sales_manager)
        self.assertEqual(len(activities), 2)
        self.assertEqual(len(overdue.message_ids) - messages_before, 1)
        self.assertEqual(
            overdue.message_ids[0].partner_ids,
            (self.cs_manager | self.sales_manager).partner_id,
        )
        self.assertTrue(overdue.escalated_at)
        self.assertFalse(fresh.escalated_at)
        self.assertFalse(fresh.activity_ids)

    def test_escalation_falls_back_to_a_complaints_manager(self):
        self.category.manager_id = False
        overdue = self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0), manager_id=False)
        self.env["ir.cron"].browse(
            self.env.ref("complaint_tracking.ir_cron_complaint_escalation").id
        ).method_direct_trigger()
        manager = overdue.activity_ids.user_id - self.sales_manager
        self.assertEqual(len(manager), 1)
        self.assertTrue(manager.has_group("complaint_tracking.group_complaint_manager"))

    def test_escalation_query_count_is_flat(self):
        self._create_complaint(received_at=shanghai(2025, 6, 6, 10, 0))
        self.env.flush_all()
        # Searching overdue complaints is one query whatever their number.
        with self.assertQueryCount(1):
            self.Complaint.search([("is_overdue", "=", True), ("escalated_at", "=", False)])
