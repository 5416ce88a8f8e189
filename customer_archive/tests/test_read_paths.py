from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestReadPaths(CustomerArchiveCase):
    """Approval opinions follow their document; "Open dossier" opens a dossier only for a
    customer and only for those who may keep it."""

    def test_approval_opinions_follow_the_document(self):
        request = (
            self.env["customer.archive.access.request"]
            .with_user(self.salesman_2)
            .create({"archive_id": self.archive.id, "purpose": "接手前了解客户情况"})
        )
        request.action_submit()
        tier_decide(request, self.archivist, comment="仅限本月查阅，注意保密")
        review = request.sudo().review_ids.filtered("comment")
        self.assertEqual(review.comment, "仅限本月查阅，注意保密")
        domain = [("model", "=", request._name), ("res_id", "=", request.id)]
        for user in (self.salesman, self.employee, self.accountant):
            Review = self.env["tier.review"].with_user(user)
            with self.subTest(user=user.login):
                self.assertFalse(Review.search(domain))
                self.assertFalse(Review.search_read([("comment", "like", "注意保密")], ["comment"]))
                with self.assertRaises(AccessError):
                    Review.browse(review.id).read(["comment"])
        for user in (self.salesman_2, self.archivist):
            with self.subTest(user=user.login):
                reviews = self.env["tier.review"].with_user(user).search(domain)
                self.assertIn(review, reviews)
                self.assertEqual(review.with_user(user).comment, "仅限本月查阅，注意保密")
                self.assertEqual(request.with_user(user).review_ids.comment, review.comment)

    def test_open_dossier_only_for_customers_and_their_keepers(self):
        Partner = self.env["res.partner"]
        supplier = Partner.create({"name": "某供应商有限公司", "is_company": True})
        with self.assertRaisesRegex(UserError, "not a customer"):
            supplier.with_user(self.sales_manager).action_open_archive()
        customer = Partner.create(
            {
                "name": "无档案客户",
                "is_company": True,
                "customer_rank": 1,
                "user_id": self.salesman.id,
            }
        )
        # a customer whose dossier went missing (the invariant opens one on creation)
        self.env.cr.execute("DELETE FROM customer_archive WHERE partner_id = %s", [customer.id])
        self.env.invalidate_all()
        self.assertFalse(customer.archive_id)
        for user in (self.employee, self.salesman_2, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                customer.with_user(user).action_open_archive()
        self.assertFalse(customer.archive_id)
        action = customer.with_user(self.salesman).action_open_archive()
        self.assertTrue(customer.archive_id)
        self.assertEqual(action["res_id"], customer.archive_id.id)
