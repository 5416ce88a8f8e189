"""Complaint screens that guide: empty scores, distinct labels, buttons by stage, columns in
workflow order, deadlines to the minute and service-level badges."""

from datetime import datetime, timedelta

from lxml import etree

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ComplaintCommon

SCORES = ("score_quality", "score_response", "score_speed", "score_attitude", "score_delivery")


@tagged("post_install", "-at_install")
class TestComplaintForms(ComplaintCommon):
    def _arch(self, model, view_type):
        view = self.env[model].get_view(view_type=view_type)
        return etree.fromstring(view["arch"])

    def test_visit_scores_empty_until_given(self):
        with Form(self.env["customer.complaint.visit"].with_user(self.cs_user)) as form:
            form.partner_id = self.customer
            for name in SCORES:
                self.assertEqual(form[name], 0, f"{name} is not answered yet")
            form.score_quality = 4
        visit = form.record
        self.assertEqual(visit.score_average, 4.0)
        self.assertFalse(visit.is_unsatisfied)
        for view_type in ("form", "list"):
            arch = self._arch("customer.complaint.visit", view_type)
            for name in SCORES:
                node = arch.xpath(f"//field[@name='{name}']")[0]
                self.assertEqual(node.get("widget"), "satisfaction_score", (view_type, name))

    def test_visit_without_answers_does_not_confirm_the_resolution(self):
        complaint = self._create_complaint()
        complaint.write({"root_cause": "仓储受潮", "measures": "补发并更换防潮包装"})
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.action_resolve()
        self.env["customer.complaint.visit"].create({"complaint_id": complaint.id})
        self.assertFalse(complaint.customer_confirmed)
        self.assertEqual(complaint.state, "resolved")

    def test_form_labels_are_distinct_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["complaint_tracking"], ["zh_CN"], overwrite=True
        )
        Complaint = self.Complaint.with_context(lang="zh_CN")
        arch = etree.fromstring(Complaint.get_view(view_type="form")["arch"])
        names = {
            node.get("name")
            for node in arch.xpath("//field[not(ancestor::field)]")
            if node.get("invisible") not in ("1", "True")
        }
        labels = {}
        for name, description in Complaint.fields_get(list(names), ["string"]).items():
            labels.setdefault(description["string"], []).append(name)
        duplicates = {label: fields for label, fields in labels.items() if len(fields) > 1}
        self.assertFalse(duplicates)
        strings = Complaint.fields_get(["received_at", "acknowledged_at"], ["string"])
        self.assertEqual(strings["received_at"]["string"], "投诉时间")
        self.assertNotEqual(strings["acknowledged_at"]["string"], "投诉时间")

    def test_resolve_offered_only_after_acknowledgement(self):
        arch = self._arch("customer.complaint", "form")
        buttons = arch.xpath("//header/button[@name='action_resolve']")
        self.assertTrue(buttons)
        states = [key for key, _label in self.Complaint._fields["state"].selection]
        offered = {
            state
            for state in states
            for button in buttons
            if not safe_eval(
                button.get("invisible", "False"), {"state": state, "customer_confirmed": False}
            )
        }
        self.assertEqual(offered, {"acknowledged", "investigating"})

    def test_kanban_columns_in_workflow_order(self):
        self._create_complaint().action_acknowledge()
        self._create_complaint()
        groups = self.Complaint.web_read_group([], ["state"], ["state"])["groups"]
        self.assertEqual(
            [group["state"] for group in groups],
            ["new", "acknowledged", "investigating", "resolved", "closed"],
        )
        cancelled = self._create_complaint()
        cancelled.action_cancel()
        groups = self.Complaint.web_read_group([], ["state"], ["state"])["groups"]
        self.assertEqual(groups[-1]["state"], "cancelled")

    def test_deadlines_to_the_minute(self):
        for view_type in ("form", "list"):
            arch = self._arch("customer.complaint", view_type)
            for name in ("received_at", "response_deadline", "registration_deadline"):
                node = arch.xpath(f"//field[@name='{name}']")[0]
                self.assertFalse(
                    safe_eval(node.get("options", "{}")).get("show_seconds", True),
                    (view_type, name),
                )

    def test_service_level_badges(self):
        now = datetime.now()
        on_time = self._create_complaint(received_at=now - timedelta(hours=1))
        due_soon = self._create_complaint(received_at=now - timedelta(hours=22))
        late = self._create_complaint(received_at=now - timedelta(hours=30))
        self.assertEqual(on_time.sla_status, "on_time")
        self.assertEqual(due_soon.sla_status, "due_soon")
        self.assertEqual(late.sla_status, "late")
        # First contact in time: the registration deadline counts next.
        due_soon.action_acknowledge()
        due_soon.invalidate_recordset(["sla_status"])
        self.assertIn(due_soon.sla_status, ("on_time", "due_soon"))
        # Late at first contact stays late.
        late.action_acknowledge()
        late.invalidate_recordset(["sla_status"])
        self.assertEqual(late.sla_status, "late")
        cancelled = self._create_complaint()
        cancelled.action_cancel()
        self.assertFalse(cancelled.sla_status)
        list_arch = self._arch("customer.complaint", "list")
        badge = list_arch.xpath("//field[@name='sla_status']")[0]
        self.assertEqual(badge.get("widget"), "badge")
        self.assertTrue(badge.get("decoration-danger"))
        kanban_arch = self._arch("customer.complaint", "kanban")
        self.assertTrue(kanban_arch.xpath("//field[@name='sla_status']"))
