from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common_retention import ShippedPolicyMixin


@tagged("post_install", "-at_install")
class TestRetentionShippedCommunication(ShippedPolicyMixin, TransactionCase):
    """The communication log is kept 5 years after the customer file is closed (seed 001),
    whatever the date of its entries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._create_retention_users("ca_ret")
        cls.policy = cls.env.ref("customer_archive.archive_retention_policy_communication")
        cls.today = fields.Date.context_today(cls.policy)
        cls.closed, cls.held, cls.open = cls.env["res.partner"].create(
            [
                {"name": name, "is_company": True, "customer_rank": 1}
                for name in ("杭州旧客户有限公司", "南京诉讼客户有限公司", "苏州在营客户有限公司")
            ]
        )
        cls.logs = {}
        for partner in cls.closed | cls.held | cls.open:
            # Every customer gets his dossier when created.
            archive = partner.archive_id
            cls.logs[partner] = cls.env["customer.archive.communication"].create(
                [
                    {"archive_id": archive.id, "purpose": f"回访 {index}", "date": date}
                    for index, date in enumerate(
                        (cls.today - relativedelta(years=10), cls.today - relativedelta(days=3))
                    )
                ]
            )
        (cls.closed | cls.held).action_close_customer()

    def test_closing_date_stored_and_guarded(self):
        self.assertEqual(self.closed.archive_closed_date, self.today)
        self.assertEqual(set(self.logs[self.closed].mapped("customer_closed_date")), {self.today})
        self.assertFalse(self.open.archive_closed_date)
        # the closing date is the workflow's
        with self.assertRaises(AccessError):
            self.open.with_user(self.retention_requester).write({"archive_closed_date": self.today})

    def test_period_counts_from_the_closing_not_from_the_entry(self):
        policy = self._shipped_policy("customer_archive.archive_retention_policy_communication")
        # the entry of ten years ago is not due the day its customer is closed
        self.assertFalse(policy._run_sweep(self.today + relativedelta(years=4)))

    def test_due_log_destroyed_held_one_kept_with_its_reason(self):
        policy = self._shipped_policy("customer_archive.archive_retention_policy_communication")
        Hold = self.env["archive.legal.hold"].with_user(self.retention_requester)
        Hold.create({"partner_id": self.held.id, "reason": "合同纠纷诉讼"})
        late_held = self.logs[self.closed][:1]

        def hold_one():
            Hold.create({"record_ref": late_held, "reason": "税务稽查"})
            return late_held

        self._destroy(
            policy,
            self.today + relativedelta(years=5, days=2),
            due=self.logs[self.closed],
            kept=self.logs[self.held],
            reason="Under legal hold",
            protect_after_sweep=hold_one,
        )
        self.assertEqual(self.logs[self.open].exists(), self.logs[self.open])
