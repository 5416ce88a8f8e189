from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerFileTour(HttpCase):
    def test_register_approve_and_change_in_crm(self):
        salesman = new_test_user(
            self.env, "tour_sales", groups="sales_team.group_sale_salesman", lang="en_US"
        )
        new_test_user(
            self.env, "tour_manager", groups="sales_team.group_sale_manager", lang="en_US"
        )
        self.start_tour("/odoo", "customer_archive_salesperson_registers", login="tour_sales")
        customer = self.env["res.partner"].search([("name", "=", "华南新客户贸易有限公司")])
        self.assertEqual(customer.archive_state, "draft")
        self.assertEqual(customer.user_id, salesman)
        self.assertEqual(customer.validation_status, "pending")

        self.start_tour("/odoo", "customer_archive_manager_approves", login="tour_manager")
        self.assertEqual(customer.archive_state, "approved")
        self.assertEqual(customer.review_ids.comment, "资料齐全")
        self.assertTrue(customer.customer_code)
        self.assertTrue(customer.archive_id)

        self.start_tour("/odoo", "customer_archive_salesperson_requests_change", login="tour_sales")
        request = self.env["customer.archive.change.request"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.user_id, salesman)

        self.start_tour("/odoo", "customer_archive_manager_approves_change", login="tour_manager")
        self.assertEqual(customer.credit_grade, "B")
        self.assertEqual(request.opinion, "同意下调")
