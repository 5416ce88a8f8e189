from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.customer_archive.tests.common_retention import ShippedPolicyMixin

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintRetentionPolicy(ShippedPolicyMixin, ComplaintCommon):
    """After-sales records are kept 5 years after the customer file is closed (seed 003),
    never counted from the complaint's own dates; unresolved complaints are kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_retention_users("ct_ret")
        cls.category.visit_required = False
        cls.today = fields.Date.context_today(cls.env.user)

    def _closed_complaint(self):
        complaint = self._create_complaint()
        complaint.write({"root_cause": "仓储受潮", "measures": "补发并更换防潮包装"})
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.action_resolve()
        # The customer confirms the resolution: the complaint closes.
        complaint._confirm_by_customer("phone")
        self.assertEqual(complaint.state, "closed")
        return complaint

    def test_complaints_destroyed_5_years_after_the_customer_file_closed(self):
        closed, reopened = self._closed_complaint(), self._closed_complaint()
        cancelled = self._create_complaint()
        cancelled.action_cancel()
        unresolved = self._create_complaint()
        policy = self._shipped_policy("complaint_tracking.archive_retention_policy_complaint")
        # closed long ago, but the customer is still a customer: nothing is due
        self.assertFalse(policy._run_sweep(self.today + relativedelta(years=20)))
        self.customer.commercial_partner_id.action_close_customer()
        self.assertEqual(closed.customer_closed_date, self.today)
        self.assertFalse(policy._run_sweep(self.today + relativedelta(years=4, months=11)))

        def reopen():
            reopened.action_reopen()
            return reopened

        self._destroy(
            policy,
            self.today + relativedelta(years=5, days=2),
            due=closed | reopened | cancelled,
            reason="Unresolved complaint",
            protect_after_sweep=reopen,
        )
        self.assertTrue(unresolved.exists())

    def test_communication_of_a_customer_with_an_unresolved_complaint_kept(self):
        self._create_complaint()
        customer = self.customer.commercial_partner_id
        archive = customer._ensure_archive() or customer.archive_id
        self.env["customer.archive.communication"].create(
            {"archive_id": archive.id, "purpose": "投诉回访", "date": "2020-01-01"}
        )
        customer.action_close_customer()
        policy = self._shipped_policy("customer_archive.archive_retention_policy_communication")
        later = self.today + relativedelta(years=6)
        counts = policy._preview_counts(later)[policy.id]
        self.assertEqual(counts["reasons"], {"Unresolved complaint of the customer": 1})
        self.assertFalse(policy._run_sweep(later))
