from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSalesLedgerMenu(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, "ca_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.employee = new_test_user(cls.env, "ca_employee", groups="base.group_user")
        cls.archivist = new_test_user(
            cls.env, "ca_archivist", groups="customer_archive.group_archive_manager"
        )
        cls.root_menu = cls.env.ref("customer_archive.menu_sales_ledger_root")

    def _visible_menu_ids(self, user):
        return set(self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())

    def test_archivist_is_a_salesman(self):
        self.assertTrue(self.archivist.has_group("sales_team.group_sale_salesman"))

    def test_sales_ledger_menu_visibility(self):
        self.assertIn(self.root_menu.id, self._visible_menu_ids(self.salesman))
        self.assertIn(self.root_menu.id, self._visible_menu_ids(self.archivist))
        self.assertNotIn(self.root_menu.id, self._visible_menu_ids(self.employee))


@tagged("post_install", "-at_install")
class TestSalesLedgerMenuTour(HttpCase):
    def test_sales_ledger_menu_lists_customers(self):
        self.env["res.partner"].create(
            {"name": "Tour Test Customer", "is_company": True, "customer_rank": 1}
        )
        self.assertEqual(self.url_open("/web/login").status_code, 200)
        self.start_tour("/odoo", "customer_archive_menu_tour", login="admin")
