import base64

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestSettlementRequest(SalesLedgerCommon):
    """Monthly settlement (月结) is granted by a request approved on the shipped tier (the
    sales manager), with the agreement signed by the customer attached."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.sudo().user_id = cls.salesman
        cls.sales_manager_2 = new_test_user(
            cls.env,
            "sl_manager_2",
            groups="sales_team.group_sale_manager",
            company_id=cls.env.company.id,
            company_ids=[Command.set(cls.env.company.ids)],
        )
        cls.tier = cls.env.ref("sales_ledger.tier_settlement_request_sales_manager")

    def _agreement(self, user=None):
        """The agreement as the salesperson uploads it on a new request (no record yet)."""
        return (
            self.env["ir.attachment"]
            .with_user(user or self.salesman)
            .create({"name": "月结协议.pdf", "datas": base64.b64encode(b"%PDF-1.4 agreement")})
        )

    def _request(self, user=None, partner=None, submit=True):
        user = user or self.salesman
        request = (
            self.env["sales.settlement.request"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "reason": "每月订货稳定在 50 吨以上，部门经理已陪同验厂",
                    "agreement_ids": [Command.set(self._agreement(user).ids)],
                }
            )
        )
        if submit:
            request.action_submit()
        return request

    def test_sales_manager_grants_monthly_end_to_end(self):
        request = self._request(submit=False)
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.requested_by_id, self.salesman)
        # The uploaded agreement now belongs to the request: its reviewers read it.
        agreement = request.agreement_ids
        self.assertEqual((agreement.res_model, agreement.res_id), (request._name, request.id))
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.review_ids.definition_id, self.tier)
        agreement.with_user(self.sales_manager).read(["datas"])
        # The salesperson does not grant it himself.
        with self.assertRaises(AccessError):
            tier_decide(request, self.salesman)
        self.assertEqual(self.customer.settlement_method, "cash")
        tier_decide(request, self.sales_manager, comment="同意月结，协议原件交财务归档")
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.sales_manager)
        self.assertEqual(request.review_ids.comment, "同意月结，协议原件交财务归档")
        self.assertEqual(self.customer.settlement_method, "monthly")
        self.assertEqual(self.customer.settlement_approved_by_id, self.sales_manager)
        self.assertEqual(self.customer.settlement_approved_date, fields.Date.today())
        self.assertEqual(self.customer.settlement_agreement_ids, agreement)
        self.assertEqual(self._create_contract().settlement_method, "monthly")
        # The grant stays on record, and a copy is a new draft of its author.
        with self.assertRaises(UserError):
            request.with_user(self.sales_manager).unlink()
        copy = request.with_user(self.sales_manager_2).copy()
        self.assertEqual((copy.state, copy.requested_by_id), ("draft", self.sales_manager_2))

    def test_rejection_with_comment(self):
        request = self._request()
        tier_decide(request, self.sales_manager, approve=False, comment="协议未加盖公章")
        self.assertEqual(request.state, "rejected")
        rejected = request.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual(rejected.done_by, self.sales_manager)
        self.assertEqual(rejected.comment, "协议未加盖公章")
        self.assertEqual(self.customer.settlement_method, "cash")
        self.assertFalse(self.customer.settlement_approved_by_id)

    def test_submit_needs_agreement_and_cash_customer(self):
        request = (
            self.env["sales.settlement.request"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "reason": "业务量稳定"})
        )
        with self.assertRaisesRegex(UserError, "Attach the monthly-settlement agreement"):
            request.action_submit()
        tier_decide(self._request(), self.sales_manager)
        with self.assertRaisesRegex(UserError, "already on monthly settlement"):
            self._request()

    def test_forged_grants_are_refused(self):
        agreement = self._agreement()
        # Direct writes on the customer, whoever the user.
        for user in (self.salesman, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.customer.with_user(user).write(
                    {
                        "settlement_method": "monthly",
                        "settlement_agreement_ids": [Command.set(agreement.ids)],
                    }
                )
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.sales_manager).create(
                {
                    "name": "新客户",
                    "is_company": True,
                    "settlement_method": "monthly",
                    "settlement_agreement_ids": [Command.set(agreement.ids)],
                }
            )
        with self.assertRaises(UserError):
            self.customer.with_user(self.sales_manager).write(
                {"settlement_approved_by_id": self.sales_manager.id}
            )
        # Nor through personal defaults, which fill the fields a create leaves out.
        Default = self.env["ir.default"].with_user(self.salesman)
        Default.set("res.partner", "settlement_method", "monthly", user_id=True)
        Default.set("res.partner", "settlement_approved_by_id", self.salesman.id, user_id=True)
        partner = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create(
                {
                    "name": "默认值客户",
                    "is_company": True,
                    "settlement_agreement_ids": [Command.set(agreement.ids)],
                }
            )
        )
        self.assertEqual(partner.settlement_method, "cash")
        self.assertFalse(partner.settlement_approved_by_id)
        # Forged requests.
        Request = self.env["sales.settlement.request"].with_user(self.salesman)
        base = {
            "partner_id": self.customer.id,
            "reason": "伪造",
            "agreement_ids": [Command.set(agreement.ids)],
        }
        forgeries = (
            {"state": "approved"},
            {"approver_id": self.sales_manager.id},
            {"approval_date": fields.Datetime.now()},
            {"requested_by_id": self.salesman_2.id},
        )
        for values in forgeries:
            with self.subTest(values=values), self.assertRaises(UserError):
                Request.create(dict(base, **values))
        request = Request.create(base)
        request.action_submit()
        for values in (*forgeries, {"agreement_ids": [Command.clear()]}, {"reason": "改"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                request.write(values)
        with self.assertRaises(UserError):
            request.with_context(skip_validation_check=True).write({"state": "approved"})
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(self.customer.settlement_method, "cash")

    def test_requester_and_salesperson_never_grant(self):
        # A sales manager asking for monthly settlement does not grant it himself.
        request = self._request(user=self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        tier_decide(request, self.sales_manager_2)
        self.assertEqual(self.customer.settlement_approved_by_id, self.sales_manager_2)
        # Nor does a sales manager who is the customer's salesperson.
        self.other_customer.sudo().user_id = self.sales_manager
        request = self._request(user=self.salesman_2, partner=self.other_customer)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        tier_decide(request, self.sales_manager_2)
        self.assertEqual(self.other_customer.settlement_method, "monthly")

    def test_back_to_cash_is_a_sales_manager_decision(self):
        tier_decide(self._request(), self.sales_manager)
        for action in (
            lambda partner: partner.action_settlement_cash(),
            lambda partner: partner.write({"settlement_method": "cash"}),
        ):
            with self.assertRaises(AccessError):
                action(self.customer.with_user(self.salesman))
        self.customer.with_user(self.sales_manager).action_settlement_cash()
        self.assertEqual(self.customer.settlement_method, "cash")

    def test_who_sees_requests(self):
        request = self._request()
        Request = self.env["sales.settlement.request"]
        self.assertFalse(Request.with_user(self.salesman_2).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.salesman_2).read(["reason"])
        for user in (self.salesman, self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                self.assertIn(request, Request.with_user(user).search([]))
        other_company = self.env["res.company"].create({"name": "另一家公司"})
        foreign = Request.sudo().create(
            {
                "partner_id": self.other_customer.id,
                "company_id": other_company.id,
                "reason": "其他公司",
            }
        )
        for user in (self.salesman, self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                self.assertNotIn(foreign, Request.with_user(user).search([]))

    def test_only_own_uploads_are_adopted(self):
        foreign = self.env["ir.attachment"].create(
            {"name": "合同.pdf", "raw": b"%PDF", "res_model": "res.partner", "res_id": 1}
        )
        request = self._request(submit=False)
        request.sudo().write({"agreement_ids": [Command.link(foreign.id)]})
        self.assertEqual((foreign.res_model, foreign.res_id), ("res.partner", 1))

    def test_request_from_customer_form(self):
        action = self.customer.with_user(self.salesman).action_request_monthly_settlement()
        form = Form(
            self.env["sales.settlement.request"]
            .with_user(self.salesman)
            .with_context(**action["context"])
        )
        self.assertEqual(form.partner_id, self.customer)
        form.reason = "世界 500 强客户"
        form.agreement_ids.add(self._agreement())
        request = form.save()
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertIn(request, self.customer.settlement_request_ids)
