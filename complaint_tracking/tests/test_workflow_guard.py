from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintGuard(ComplaintCommon):
    """Stages and SLA timestamps move with the workflow only (SPEC §0)."""

    def test_salesperson_cannot_close_or_fake_sla(self):
        complaint = self._create_complaint().with_user(self.salesman)
        now = fields.Datetime.now()
        forgeries = (
            {"state": "closed"},
            {"state": "closed", "closed_at": now},
            {"acknowledged_at": complaint.received_at},
            {"registered_at": complaint.received_at + timedelta(hours=1)},
            {"sla_met": True},
            {"response_deadline": now + timedelta(days=30)},
        )
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(UserError):
                complaint.write(values)
        with self.assertRaises(UserError):
            self.Complaint.with_user(self.salesman).create(
                {
                    "partner_id": self.customer.id,
                    "description": "已处理",
                    "state": "closed",
                    "acknowledged_at": now,
                    "registered_at": now,
                }
            )
        # The legitimate path: the buttons record the real times.
        complaint.action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        self.assertTrue(complaint.acknowledged_at)
        # Once acknowledged, the receipt time no longer moves.
        with self.assertRaises(UserError):
            complaint.write({"received_at": now + timedelta(days=2)})
        complaint.action_investigate()
        complaint.write({"root_cause": "仓库漏水", "measures": "更换仓库"})
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        with self.assertRaises(UserError):
            complaint.write({"resolved_at": complaint.received_at - timedelta(days=1)})

    def test_new_complaint_received_time_editable(self):
        complaint = self._create_complaint().with_user(self.salesman)
        received = fields.Datetime.now() - timedelta(hours=2)
        complaint.write({"received_at": received})
        self.assertEqual(complaint.received_at, received)
