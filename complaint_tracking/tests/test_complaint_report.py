from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import ComplaintCommon, shanghai


@tagged("post_install", "-at_install")
class TestCustomerServiceLedger(ComplaintCommon):
    def test_ledger_figures_per_category_and_person(self):
        received = shanghai(2025, 6, 6, 10, 0)
        on_time = self._create_complaint(received_at=received)
        late = self._create_complaint(received_at=received, user_id=self.cs_user.id)
        cancelled = self._create_complaint(received_at=received)
        with freeze_time(received + timedelta(hours=2)):
            on_time.action_investigate()
        with freeze_time(received + timedelta(hours=30)):
            late.action_acknowledge()
        cancelled.action_cancel()
        self.env["customer.complaint.visit"].create(
            {
                "complaint_id": on_time.id,
                "score_quality": 4,
                "score_response": 4,
                "score_speed": 4,
                "score_attitude": 4,
            }
        )
        self.env.flush_all()
        Report = self.env["customer.complaint.report"].with_user(self.cs_manager)
        domain = [("complaint_id", "in", (on_time | late | cancelled).ids)]
        [(count, sla, hours, satisfaction)] = Report._read_group(
            domain,
            [],
            ["complaint_count:sum", "sla_rate:avg", "response_hours:avg", "satisfaction:avg"],
        )
        self.assertEqual(count, 2)
        self.assertAlmostEqual(sla, 50.0)
        self.assertAlmostEqual(hours, 16.0)
        self.assertAlmostEqual(satisfaction, 4.0)
        per_user = dict(Report._read_group(domain, ["user_id"], ["complaint_count:sum"]))
        self.assertEqual(per_user, {self.salesman: 1, self.cs_user: 1})
        per_month = Report._read_group(domain, ["date:month"], ["complaint_count:sum"])
        self.assertEqual([(d.month, c) for d, c in per_month], [(6, 2)])


# HttpCase: wkhtmltopdf loads the report's assets over HTTP, which Odoo's test runner
# serves only while a test holds the registry in test mode.
@tagged("post_install", "-at_install")
class TestComplaintForm(ComplaintCommon, HttpCase):
    def test_complaint_form_renders_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        complaint = self._create_complaint(work_order_ref="GD-2025-0606")
        self.env["customer.complaint.repair"].create(
            {"complaint_id": complaint.id, "fault": "箱体塌陷", "measures": "加固"}
        )
        report = self.env.ref("complaint_tracking.action_report_customer_complaint")
        html = report.with_user(self.cs_user)._render_qweb_html(report, complaint.ids)[0]
        html = html.decode()
        self.assertIn("投诉单", html)
        self.assertIn(complaint.name, html)
        self.assertIn("上海星河包装有限公司", html)
        self.assertIn("GD-2025-0606", html)
        self.assertIn("箱体塌陷", html)
        pdf, report_format = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report, complaint.ids
        )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
