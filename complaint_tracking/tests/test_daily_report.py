from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestDailyReportComplaints(ComplaintCommon):
    """The daily report (销售日报) lists the complaints of the salesperson's customers received
    that day."""

    def test_complaints_of_the_day(self):
        today = self._create_complaint()
        older = self._create_complaint(received_at=datetime.now() - timedelta(days=2))
        colleague = self._create_complaint(partner_id=self.other_customer.id)
        report = self.env["sales.daily.report"].with_user(self.salesman).create({})
        self.assertEqual(report.date, fields.Date.context_today(report))
        report.with_user(self.salesman).action_send()
        self.assertEqual(report.state, "sent")
        self.assertIn(today.name, report.content)
        self.assertNotIn(older.name, report.content)
        self.assertNotIn(colleague.name, report.content)
        message = report.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn(today.name, message.body)
        self.assertEqual(message.partner_ids, self.sales_manager.partner_id)
