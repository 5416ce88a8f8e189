from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestCustomerApplicationTiers(CustomerArchiveCase):
    """New customers (新增客户申请) are approved by the sales manager through tier
    validation, never by their own salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager_2 = new_test_user(
            cls.env, "ca_manager_2", groups="sales_team.group_sale_manager", name="销售经理乙"
        )

    def _application(self, user_id=None):
        return (
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(res_partner_search_mode="customer")
            .create(
                {
                    "name": "杭州新申请贸易有限公司",
                    "is_company": True,
                    "user_id": (user_id or self.salesman).id,
                }
            )
        )

    def test_submit_then_sales_manager_approves(self):
        customer = self._application()
        self.assertEqual(customer.archive_state, "draft")
        self.assertFalse(customer.review_ids)
        customer.action_submit_customer()
        self.assertEqual(
            customer.review_ids.definition_id,
            self.env.ref("customer_archive.tier_customer_application"),
        )
        self.assertEqual(customer.review_ids.requested_by, self.salesman)
        with self.assertRaises(UserError):
            customer.action_submit_customer()
        tier_decide(customer, self.sales_manager, comment="资料齐全, 同意")
        self.assertEqual(customer.archive_state, "approved")
        self.assertTrue(customer.customer_code)
        self.assertEqual(customer.archive_id.user_id, self.salesman)
        self.assertEqual(customer.review_ids.comment, "资料齐全, 同意")
        self.assertEqual(customer.review_ids.done_by, self.sales_manager)

    def test_reviewers_get_a_to_do_closed_by_the_decision(self):
        to_approve = self.env.ref("record_retention.mail_activity_type_tier_review")
        customer = self._application()
        customer.action_submit_customer()
        todo = customer.activity_ids.filtered(lambda a: a.activity_type_id == to_approve)
        self.assertLessEqual(self.sales_manager | self.sales_manager_2, todo.user_id)
        self.assertNotIn(self.salesman, todo.user_id, "the requester reviews nothing")
        self.assertEqual(len(todo), len(todo.user_id), "one to-do per reviewer")
        tier_decide(customer, self.sales_manager, comment="同意")
        self.assertFalse(customer.activity_ids.filtered(lambda a: a.activity_type_id == to_approve))
        self.assertFalse(
            customer.message_ids.filtered(lambda m: m.mail_activity_type_id == to_approve),
            "the decision is in the chatter once, not also as a done to-do",
        )

    def test_rejection_removes_the_to_dos(self):
        to_approve = self.env.ref("record_retention.mail_activity_type_tier_review")
        customer = self._application()
        customer.action_submit_customer()
        tier_decide(customer, self.sales_manager_2, approve=False, comment="资料不全")
        self.assertFalse(customer.activity_ids.filtered(lambda a: a.activity_type_id == to_approve))

    def test_salesperson_never_approves_his_customer(self):
        customer = self._application()
        # Forgeries: the status by writing, the reviews through the customer, the engine.
        with self.assertRaises(UserError):
            customer.write({"archive_state": "approved"})
        definition = self.env.ref("customer_archive.tier_customer_application")
        with self.assertRaises(UserError):
            customer.write(
                {
                    "review_ids": [
                        Command.create(
                            {
                                "model": "res.partner",
                                "definition_id": definition.id,
                                "status": "approved",
                            }
                        )
                    ]
                }
            )
        customer.action_submit_customer()
        for user in (self.salesman, self.archivist, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(customer, user)
        self.assertEqual(customer.archive_state, "draft")

    def test_sales_manager_as_salesperson_needs_another_manager(self):
        customer = self._application(user_id=self.sales_manager)
        customer.action_submit_customer()
        with self.assertRaises(AccessError):
            tier_decide(customer, self.sales_manager)
        tier_decide(customer, self.sales_manager_2)
        self.assertEqual(customer.archive_state, "approved")

    def test_rejection_sends_the_application_back(self):
        customer = self._application()
        customer.action_submit_customer()
        tier_decide(customer, self.sales_manager, approve=False, comment="缺营业执照")
        self.assertEqual(customer.archive_state, "draft")
        self.assertEqual(customer.validation_status, "rejected")
        self.assertEqual(customer.review_ids.comment, "缺营业执照")
        # Filed from the start (code and dossier), the application still cannot trade.
        self.assertEqual(customer.archive_id.archive_state, "draft")
        # The salesperson completes the application and submits it again: a new round.
        customer.write({"vat": "91330106MA2B0Q6X1C", "country_id": self.env.ref("base.cn").id})
        customer.action_submit_customer()
        self.assertEqual(customer.review_ids.mapped("status"), ["pending"])
        tier_decide(customer, self.sales_manager)
        self.assertEqual(customer.archive_state, "approved")

    def test_application_under_review_is_frozen(self):
        customer = self._application().with_user(self.salesman)
        customer.action_submit_customer()
        for values in ({"name": "另一家公司"}, {"credit_grade": "A"}, {"phone": "0571-88880000"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                customer.write(values)
        # Data outside change control is not what the manager approves.
        customer.write({"website": "https://example.cn"})

    def test_partner_form_buttons(self):
        customer = self._application()
        form = Form(customer.with_user(self.sales_manager))
        self.assertEqual(form.validation_status, "no")
        customer.action_submit_customer()
        form = Form(customer.with_user(self.sales_manager))
        self.assertTrue(form.can_review)
        self.assertFalse(Form(customer.with_user(self.salesman)).can_review)

    def test_no_tier_no_approval(self):
        self.env.ref("customer_archive.tier_customer_application").active = False
        customer = self._application()
        customer.action_submit_customer()
        self.assertEqual(customer.archive_state, "approved")
        self.assertTrue(customer.customer_code and customer.archive_id)

    def test_contacts_and_customers_of_managers_need_no_application(self):
        contact = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "张经理", "parent_id": self.customer.id})
        )
        with self.assertRaises(UserError):
            contact.action_submit_customer()
        customer = (
            self.env["res.partner"]
            .with_user(self.sales_manager)
            .create({"name": "经理登记客户有限公司", "is_company": True})
        )
        self.assertEqual(customer.archive_state, "approved")
