from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestLedgerReview(SalesLedgerCommon):
    """The month's review (审核) runs on the approval engine: the configured reviewer, or a
    sales manager when none is set, approves and the month locks, or sends it back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.january = cls.env["sales.ledger.period"].create({"date_from": "2025-01-01"})
        cls._invoice("2025-01-10")
        cls.january.action_generate_lines()

    def test_shipped_tiers(self):
        tiers = self.env["tier.definition"].search([("model", "=", "sales.ledger.period")])
        self.assertEqual(
            tiers,
            self.env.ref("sales_ledger.tier_ledger_period_reviewer")
            | self.env.ref("sales_ledger.tier_ledger_period_sales_manager"),
        )

    def test_configured_reviewer_reviews_the_month(self):
        self.env.company.sales_ledger_reviewer_id = self.sales_director
        self.january.with_user(self.finance).action_submit()
        self.assertEqual(self.january.state, "submitted")
        self.assertEqual(self.january.review_ids.reviewer_ids, self.sales_director)
        self.assertIn(self.sales_director, self.january.reviewer_ids)
        # another sales manager is not the reviewer, finance even less
        for user in (self.sales_manager, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(self.january, user)
        self.assertEqual(self.january.state, "submitted")
        tier_decide(self.january, self.sales_director, comment="本月台账与发票核对一致")
        self.assertEqual(self.january.state, "locked")
        self.assertEqual(self.january.locked_by_id, self.sales_director)
        self.assertTrue(self.january.locked_date)
        self.assertEqual(self.january.review_note, "本月台账与发票核对一致")
        self.assertEqual(self.january.validation_status, "validated")

    def test_sales_manager_reviews_without_configured_reviewer(self):
        self.env.company.sales_ledger_reviewer_id = False
        self.january.with_user(self.finance).action_submit()
        tier_decide(self.january, self.sales_manager)
        self.assertEqual(self.january.state, "locked")
        self.assertEqual(self.january.locked_by_id, self.sales_manager)

    def test_submitter_does_not_review_his_month(self):
        self.env.company.sales_ledger_reviewer_id = False
        self.january.with_user(self.sales_manager).action_submit()
        with self.assertRaises(AccessError):
            tier_decide(self.january, self.sales_manager)
        tier_decide(self.january, self.sales_director)
        self.assertEqual(self.january.locked_by_id, self.sales_director)

    def test_sent_back_month_reopens_with_the_opinion(self):
        self.january.with_user(self.finance).action_submit()
        tier_decide(self.january, self.sales_manager, approve=False, comment="缺少一张发票")
        self.assertEqual(self.january.state, "open")
        self.assertIn("缺少一张发票", self.january.message_ids.mapped("body")[0])
        # corrected, regenerated and submitted again: a new round of review
        self.january.with_user(self.finance).action_generate_lines()
        self.january.with_user(self.finance).action_submit()
        self.assertEqual(self.january.review_ids.mapped("status"), ["pending"])
        tier_decide(self.january, self.sales_manager)
        self.assertEqual(self.january.state, "locked")

    def test_nobody_locks_without_the_review(self):
        self.january.with_user(self.finance).action_submit()
        for user in (self.finance, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.january.with_user(user).write({"state": "locked"})
        with self.assertRaises(UserError):
            self.january.with_user(self.sales_manager).write(
                {"locked_by_id": self.sales_manager.id}
            )
        self.assertEqual(self.january.state, "submitted")
