from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestCustomerWorkflow(CustomerArchiveCase):
    def _new_customer(self, user, **values):
        return (
            self.env["res.partner"]
            .with_user(user)
            .with_context(res_partner_search_mode="customer")
            .create({"name": "新客户有限公司", "is_company": True, **values})
        )

    def test_salesperson_applies_manager_approves(self):
        customer = self._new_customer(self.salesman, user_id=self.salesman.id)
        self.assertEqual(customer.archive_state, "draft")
        # Filed at once, as every customer; approved, it may trade.
        self.assertEqual(customer.archive_id.archive_state, "draft")
        customer.action_submit_customer()
        with self.assertRaises(AccessError):
            tier_decide(customer, self.salesman)
        tier_decide(customer, self.sales_manager)
        self.assertEqual(customer.archive_state, "approved")
        self.assertTrue(customer.customer_code)
        self.assertEqual(customer.archive_id.partner_id, customer)
        self.assertEqual(customer.archive_id.user_id, self.salesman)
        # Customers a manager registers need no application.
        self.assertEqual(self._new_customer(self.sales_manager).archive_state, "approved")

    def test_sales_manager_approves_archive_administrator_blocks(self):
        customer = self._new_customer(self.salesman)
        customer.action_submit_customer()
        # New customers are the sales manager's to approve (新增客户申请).
        with self.assertRaises(AccessError):
            tier_decide(customer, self.archivist)
        tier_decide(customer, self.sales_manager)
        customer.with_user(self.archivist).action_block_customer()
        self.assertEqual(customer.archive_state, "blocked")
        with self.assertRaises(UserError):
            customer.with_user(self.salesman).action_close_customer()
        with self.assertRaises(UserError):
            customer.with_user(self.salesman).action_unblock_customer()
        customer.with_user(self.sales_manager).action_unblock_customer()
        self.assertEqual(customer.archive_state, "approved")

    def test_draft_customer_editable_by_salesperson(self):
        customer = self._new_customer(self.salesman, user_id=self.salesman.id)
        customer.write({"name": "改名有限公司", "credit_grade": "B"})
        self.assertEqual(customer.name, "改名有限公司")

    def test_protected_fields_need_change_request(self):
        customer = self.customer.with_user(self.salesman)
        for values in (
            {"name": "别的名字"},
            {"customer_code": "NEW1"},
            {"vat": "123"},
            {"credit_grade": "C"},
            {"customer_category": "ordinary"},
            {"credit_limit": 1000},
            {"property_payment_term_id": self.env.ref("account.account_payment_term_30days").id},
        ):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, "change request"):
                customer.write(values)
        # Unprotected data stays editable, e.g. the website.
        customer.write({"website": "https://example.cn", "short_name": "测试机械"})
        # Managers and archive administrators edit directly.
        self.customer.with_user(self.sales_manager).write({"credit_grade": "B"})
        self.customer.with_user(self.archivist).write({"customer_category": "main"})
        self.assertEqual(self.customer.credit_grade, "B")
        self.assertEqual(self.customer.customer_category, "main")

    def test_change_request_approved_applies_and_logs(self):
        request = (
            self.env["customer.archive.change.request"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "new_credit_grade": "B",
                    "new_name": "上海测试机械股份有限公司",
                    "new_credit_limit": 50000,
                    "new_bank_acc_number": "6222020200112233445",
                }
            )
        )
        self.assertTrue(request.name.startswith("BG"))
        with self.assertRaisesRegex(UserError, "reason"):
            request.action_submit()
        request.reason = "客户改制为股份公司，付款偶有延迟。"
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        with self.assertRaises(AccessError):
            tier_decide(request, self.salesman)
        tier_decide(request, self.sales_manager, comment="同意")
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.sales_manager)
        self.assertEqual(request.opinion, "同意")
        self.assertTrue(request.approval_date)
        self.assertEqual(self.customer.credit_grade, "B")
        self.assertEqual(self.customer.name, "上海测试机械股份有限公司")
        self.assertEqual(self.customer.credit_limit, 50000)
        self.assertEqual(self.customer.bank_ids.acc_number, "6222020200112233445")
        log = self.customer.message_ids[0].body
        self.assertIn("上海测试机械有限公司 → 上海测试机械股份有限公司", log)
        self.assertIn(request.name, log)

    def test_change_request_rejected_changes_nothing(self):
        request = (
            self.env["customer.archive.change.request"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "new_credit_grade": "C", "reason": "逾期"})
        )
        request.action_submit()
        tier_decide(request, self.sales_manager, approve=False, comment="逾期未满三个月")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.opinion, "逾期未满三个月")
        self.assertEqual(self.customer.credit_grade, "A")
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)

    def test_handover(self):
        second = self._new_customer(self.salesman, user_id=self.salesman.id)
        lead = self.env["crm.lead"].create(
            {"name": "新项目", "user_id": self.salesman.id, "partner_id": second.id}
        )
        wizard = (
            self.env["customer.archive.handover"]
            .with_user(self.sales_manager)
            .create({"from_user_id": self.salesman.id, "to_user_id": self.salesman_2.id})
        )
        self.assertEqual(wizard.partner_count, 2)
        wizard.action_handover()
        self.assertEqual((self.customer | second).user_id, self.salesman_2)
        self.assertEqual(self.archive.user_id, self.salesman_2)
        self.assertEqual(lead.user_id, self.salesman_2)
        self.assertIn("销售员乙", self.customer.message_ids[0].body)
        with self.assertRaises(UserError):
            self.env["customer.archive.handover"].with_user(self.salesman).create(
                {"from_user_id": self.salesman_2.id, "to_user_id": self.salesman.id}
            ).action_handover()
