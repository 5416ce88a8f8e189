"""Every role of the suite finds its work from the home menu, and sees exactly its menus."""

from odoo.tests import TransactionCase, new_test_user, tagged

ROOTS = {
    "ledger": "customer_archive.menu_sales_ledger_root",
    "service": "complaint_tracking.menu_complaint_root",
    "query": "sales_ledger.sales_ledger_query_menu_root",
    "sales": "sale.sale_menu_root",
    "invoicing": "account.menu_finance",
}

# Finance's work in Invoicing (客户 / 报表) and under Sales Ledger.
FINANCE_MENUS = (
    "sales_reconciliation.sales_statement_menu_finance",
    "sales_reconciliation.sales_statement_discrepancy_menu_finance",
    "sales_reconciliation.sales_ar_aging_menu_finance",
    "sales_reconciliation.sales_ar_aging_print_menu_finance",
    "sales_reconciliation.sales_unpaid_summary_menu_finance",
    "sales_reconciliation.sales_statement_kpi_menu_finance",
    "sales_ledger.sales_ledger_period_menu_finance",
    "sales_reconciliation.menu_finance_reconciliation_reports",
    "sales_reconciliation.sales_statement_menu",
    "sales_reconciliation.sales_ar_aging_menu",
    "sales_reconciliation.sales_ar_aging_print_menu",
    "sales_reconciliation.sales_unpaid_summary_menu",
    "sales_reconciliation.sales_statement_kpi_menu",
    "sales_ledger.sales_ledger_period_menu",
)
SERVICE_MENUS = (
    "complaint_tracking.customer_complaint_menu",
    "complaint_tracking.customer_complaint_repair_menu",
    "complaint_tracking.customer_complaint_visit_menu",
    "complaint_tracking.customer_satisfaction_survey_menu",
    "complaint_tracking.customer_complaint_report_menu",
)
SALES_MENUS = (
    "customer_archive.res_partner_customer_menu",
    "customer_archive.customer_archive_menu",
    "sales_ledger.sales_contract_menu",
    "sales_reconciliation.sales_statement_menu",
    "complaint_tracking.customer_complaint_menu",
    "customer_archive.customer_archive_visit_menu",
    "customer_archive.customer_archive_visit_coverage_menu",
    "customer_archive.sales_daily_report_menu",
)
CONFIGURATION = "customer_archive.menu_sales_ledger_configuration"
ARCHIVE = "customer_archive.menu_sales_ledger_archive"
SERVICE_CONFIGURATION = "complaint_tracking.menu_complaint_configuration"
SERVICE_LEDGER = "complaint_tracking.customer_complaint_report_menu"


@tagged("post_install", "-at_install")
class TestRoleMenus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = {
            "salesman": "sales_team.group_sale_salesman",
            "sales_manager": "sales_team.group_sale_manager",
            "finance": "base.group_user,account.group_account_invoice",
            "service": "complaint_tracking.group_complaint_user",
            "service_manager": "complaint_tracking.group_complaint_manager",
            "archivist": "customer_archive.group_archive_manager",
            "contracts": "sales_ledger.group_contract_manager",
            "employee": "base.group_user",
        }
        cls.users = {
            role: new_test_user(cls.env, f"menu_{role}", groups=group_xmlids)
            for role, group_xmlids in groups.items()
        }

    def _visible(self, role):
        menus = self.env["ir.ui.menu"].with_user(self.users[role])
        return set(menus._visible_menu_ids())

    def _roots(self, role):
        visible = self._visible(role)
        return {name for name, xmlid in ROOTS.items() if self.env.ref(xmlid).id in visible}

    def _assert_menus(self, role, shown=(), hidden=()):
        visible = self._visible(role)
        for xmlid in shown:
            self.assertIn(self.env.ref(xmlid).id, visible, f"{role} should see {xmlid}")
        for xmlid in hidden:
            self.assertNotIn(self.env.ref(xmlid).id, visible, f"{role} should not see {xmlid}")

    def test_root_menus_per_role(self):
        expected = {
            "salesman": {"ledger", "service", "sales"},
            "sales_manager": {"ledger", "service", "sales"},
            "finance": {"ledger", "invoicing"},
            "service": {"service"},
            "service_manager": {"service"},
            "archivist": {"ledger", "service", "sales"},
            "contracts": {"ledger", "service", "sales"},
            "employee": set(),
        }
        for role, roots in expected.items():
            self.assertEqual(self._roots(role), roots, role)

    def test_finance_finds_statements_and_reports_in_invoicing(self):
        self._assert_menus(
            "finance",
            shown=FINANCE_MENUS,
            hidden=(
                "customer_archive.customer_archive_menu",
                "sales_ledger.sales_contract_menu",
                CONFIGURATION,
                ARCHIVE,
                "complaint_tracking.customer_complaint_menu",
            ),
        )
        finance_root = self.env.ref("account.menu_finance")
        for xmlid in FINANCE_MENUS[:7]:
            menu = self.env.ref(xmlid)
            self.assertEqual(
                menu.parent_path.split("/")[0], str(finance_root.id), f"{xmlid} is in Invoicing"
            )

    def test_customer_service_has_its_own_app(self):
        root = self.env.ref(ROOTS["service"])
        self.assertFalse(root.parent_id)
        self.assertTrue(root.web_icon)
        self._assert_menus("service", shown=SERVICE_MENUS, hidden=(SERVICE_CONFIGURATION,))
        self._assert_menus("service_manager", shown=SERVICE_MENUS + (SERVICE_CONFIGURATION,))

    def test_sales_roles(self):
        self._assert_menus(
            "salesman",
            shown=SALES_MENUS,
            hidden=(
                CONFIGURATION,
                ARCHIVE,
                SERVICE_LEDGER,
                SERVICE_CONFIGURATION,
                "sales_ledger.sales_ledger_period_menu",
            ),
        )
        self._assert_menus(
            "sales_manager",
            shown=SALES_MENUS
            + (CONFIGURATION, "customer_archive.customer_archive_visit_rule_menu"),
            hidden=(ARCHIVE, SERVICE_CONFIGURATION),
        )
        self._assert_menus(
            "archivist",
            shown=SALES_MENUS + (ARCHIVE, CONFIGURATION),
            hidden=("customer_archive.res_config_settings_menu",),
        )
        self._assert_menus(
            "contracts",
            shown=SALES_MENUS + (CONFIGURATION, "sales_ledger.sales_contract_type_menu"),
            hidden=(ARCHIVE, "customer_archive.customer_archive_visit_rule_menu"),
        )

    def test_landing_views_show_my_documents(self):
        for xmlid, my_filter in (
            ("sales_ledger.sales_contract_action", "search_default_my"),
            ("sales_reconciliation.sales_statement_action", "search_default_my"),
        ):
            self.assertIn(my_filter, self.env.ref(xmlid).context, xmlid)
        # Customer service handles the complaints of every account manager, as they come in.
        self.assertNotIn(
            "search_default_my",
            self.env.ref("complaint_tracking.customer_complaint_action").context,
        )
        # Finance takes over the statements of every salesperson.
        self.assertNotIn(
            "search_default_my",
            self.env.ref("sales_reconciliation.sales_statement_action_finance").context,
        )
