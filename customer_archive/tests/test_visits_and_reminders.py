from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestVisitsAndReminders(CustomerArchiveCase):
    def _visit(self, days_ago, archive=None):
        return self.env["customer.archive.communication"].create(
            {
                "archive_id": (archive or self.archive).id,
                "purpose": "拜访",
                "date": fields.Date.today() - timedelta(days=days_ago),
            }
        )

    def test_visit_plan(self):
        # Important customers: two visits a week by default.
        self.assertTrue(self.archive.visit_overdue)
        self.assertTrue(self.customer.visit_overdue)
        self._visit(1)
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertTrue(self.archive.visit_overdue, "one visit of two")
        self._visit(9)
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertTrue(self.archive.visit_overdue, "the second visit is too old")
        self._visit(3)
        self.archive.invalidate_recordset(["visit_overdue"])
        self.customer.invalidate_recordset(["visit_overdue"])
        self.assertFalse(self.archive.visit_overdue)
        self.assertFalse(self.customer.visit_overdue)
        self.assertEqual(self.archive.last_visit_date, fields.Date.today() - timedelta(days=1))
        Partner = self.env["res.partner"]
        self.assertNotIn(self.customer, Partner.search([("visit_overdue", "=", True)]))
        self.assertIn(self.customer, Partner.search([("visit_overdue", "=", False)]))
        # The plan is configurable: three visits a week puts the customer back in arrears.
        self.env.ref("customer_archive.visit_rule_important").visit_count = 3
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertTrue(self.archive.visit_overdue)
        self.assertIn(
            self.archive, self.env["customer.archive"].search([("visit_overdue", "=", True)])
        )

    def test_categories_without_plan_are_never_overdue(self):
        self.customer.sudo().customer_category = "potential"
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertFalse(self.archive.visit_overdue)

    def test_quarterly_review_reminder(self):
        Archive = self.env["customer.archive"]
        self.env["ir.config_parameter"].sudo().set_param("customer_archive.review_after_days", 30)
        self.assertFalse(Archive._cron_review_reminder() & self.archive, "fresh dossier")
        with freeze_time(fields.Date.today() + timedelta(days=45)):
            reminded = Archive._cron_review_reminder()
            self.assertIn(self.archive, reminded)
            self.assertEqual(self.archive.activity_ids.user_id, self.salesman)
            self.assertFalse(Archive._cron_review_reminder() & self.archive, "reminded once only")

    def test_visit_reminder_raised_once(self):
        activity_type = self.env.ref("customer_archive.mail_activity_type_visit_due")
        Archive = self.env["customer.archive"]
        self.assertIn(self.archive, Archive._cron_visit_reminder())
        self.assertEqual(Archive._cron_visit_reminder(), Archive, "not twice while open")
        activity = self.archive.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.salesman)
        # A customer that has been visited as planned is not reminded.
        self._visit(1)
        self._visit(2)
        activity.action_feedback(feedback="已拜访")
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertNotIn(self.archive, Archive._cron_visit_reminder())
