from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestChangeRequestTiers(CustomerArchiveCase):
    """Customer change requests (客户信息变更表) are approved by the sales manager; neither
    the requester nor the customer's salesperson approves them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager_2 = new_test_user(
            cls.env, "ca_manager_2", groups="sales_team.group_sale_manager", name="销售经理乙"
        )

    def _request(self, user=None, **values):
        request = (
            self.env["customer.archive.change.request"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "new_credit_grade": "B",
                    "reason": "近三个月付款延迟",
                    **values,
                }
            )
        )
        request.action_submit()
        return request

    def test_sales_manager_approves_and_the_change_applies(self):
        request = self._request()
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("customer_archive.tier_change_request_sales_manager"),
        )
        for user in (self.salesman, self.salesman_2, self.archivist, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(request, user)
        tier_decide(request, self.sales_manager, comment="同意下调")
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.sales_manager)
        self.assertEqual(request.approval_date, request.review_ids.reviewed_date)
        self.assertEqual(request.opinion, "同意下调")
        self.assertIn("→", request.change_summary)
        self.assertEqual(self.customer.credit_grade, "B")

    def test_forged_approval_refused(self):
        Change = self.env["customer.archive.change.request"].with_user(self.salesman)
        values = {"partner_id": self.customer.id, "reason": "升级", "new_credit_grade": "C"}
        for forged in (
            {"state": "approved", "approver_id": self.sales_manager.id},
            {"approval_date": "2026-01-01 00:00:00"},
            {"opinion": "同意"},
            {"change_summary": "<p>已变更</p>"},
        ):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Change.create({**values, **forged})
        request = self._request()
        with self.assertRaises(UserError):
            request.write({"state": "approved", "approver_id": self.sales_manager.id})
        with self.assertRaises(UserError):
            request.with_context(skip_validation_check=True).write({"new_credit_grade": "A"})
        self.assertEqual(self.customer.credit_grade, "A")

    def test_requester_and_salesperson_never_approve(self):
        # A sales manager requests a change of his colleague's customer: another approves.
        request = self._request(user=self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        tier_decide(request, self.sales_manager_2)
        self.assertEqual(request.state, "approved")
        # The customer's salesperson is a sales manager: he does not approve its change.
        self.customer.with_user(self.sales_manager).write({"user_id": self.sales_manager_2.id})
        request = self._request(user=self.salesman_2, new_credit_grade="C")
        self.assertEqual(request.salesperson_id, self.sales_manager_2)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager_2)
        tier_decide(request, self.sales_manager)
        self.assertEqual(self.customer.credit_grade, "C")

    def test_rejection_with_opinion_then_new_round(self):
        request = self._request()
        tier_decide(request, self.sales_manager, approve=False, comment="理由不充分")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.opinion, "理由不充分")
        self.assertFalse(request.approver_id)
        self.assertEqual(self.customer.credit_grade, "A")
        request.action_reset_draft()
        request.reason = "近三个月三次逾期, 见对账单"
        request.action_submit()
        self.assertEqual(request.review_ids.mapped("status"), ["pending"])
        tier_decide(request, self.sales_manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.customer.credit_grade, "B")
