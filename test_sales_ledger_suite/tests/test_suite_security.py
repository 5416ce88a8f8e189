"""The suite's security groups across its add-ons: one category, the implied chains."""

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSuiteGroups(TransactionCase):
    def test_groups_share_one_category(self):
        category = self.env.ref("customer_archive.module_category_sales_ledger")
        for xmlid in (
            "customer_archive.group_archive_manager",
            "sales_ledger.group_contract_manager",
            "complaint_tracking.group_complaint_user",
            "complaint_tracking.group_complaint_manager",
        ):
            self.assertEqual(self.env.ref(xmlid).category_id, category, xmlid)

    def test_implied_chains(self):
        contract_admin = new_test_user(
            self.env, "suite_contracts", groups="sales_ledger.group_contract_manager"
        )
        self.assertTrue(contract_admin.has_group("sales_team.group_sale_salesman_all_leads"))
        cs_manager = new_test_user(
            self.env, "suite_cs_manager", groups="complaint_tracking.group_complaint_manager"
        )
        self.assertTrue(cs_manager.has_group("complaint_tracking.group_complaint_user"))
        self.assertFalse(cs_manager.has_group("customer_archive.group_archive_manager"))
