from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.customer_archive.hooks import post_init_hook

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestCustomerFileInvariant(CustomerArchiveCase):
    """Every commercial customer has a code and a dossier, however it came to exist."""

    def assertFiled(self, partners):
        for partner in partners:
            with self.subTest(partner=partner.name):
                self.assertRegex(partner.customer_code or "", r"^KH\d{6}$")
                self.assertEqual(partner.archive_id.partner_id, partner)
                self.assertEqual(partner.archive_id.customer_code, partner.customer_code)
        codes = partners.mapped("customer_code")
        self.assertEqual(len(set(codes)), len(codes), "each customer has its own code")

    def test_form_of_manager(self):
        form = Form(
            self.env["res.partner"]
            .with_user(self.sales_manager)
            .with_context(res_partner_search_mode="customer")
        )
        form.name = "表单登记有限公司"
        form.company_type = "company"
        customer = form.save()
        self.assertFiled(customer)
        self.assertEqual(customer.archive_state, "approved")

    def test_application_of_salesperson_is_filed_but_cannot_trade(self):
        form = Form(
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(res_partner_search_mode="customer")
        )
        form.name = "业务员申请有限公司"
        form.company_type = "company"
        customer = form.save()
        self.assertFiled(customer)
        self.assertEqual(customer.archive_state, "draft", "an application until approved")
        self.assertEqual(customer.archive_id.with_user(self.salesman).archive_state, "draft")
        customer.action_submit_customer()
        self.assertEqual(customer.archive_state, "draft")

    def test_import_with_load(self):
        result = (
            self.env["res.partner"]
            .with_user(self.sales_manager)
            .with_context(res_partner_search_mode="customer")
            .load(
                ["name", "is_company", "short_name"],
                [["导入客户一有限公司", "1", "导入一"], ["导入客户二有限公司", "1", "导入二"]],
            )
        )
        self.assertFalse(result["messages"])
        customers = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(customers), 2)
        self.assertFiled(customers)

    def test_import_through_base_import(self):
        csv = "name,is_company,customer_rank\n文件导入客户有限公司,1,1\n".encode()
        wizard = self.env["base_import.import"].create(
            {"res_model": "res.partner", "file": csv, "file_type": "text/csv"}
        )
        result = wizard.with_user(self.sales_manager).execute_import(
            ["name", "is_company", "customer_rank"],
            ["name", "is_company", "customer_rank"],
            {"quoting": '"', "separator": ",", "has_headers": True},
        )
        self.assertFalse(result["messages"])
        self.assertFiled(self.env["res.partner"].browse(result["ids"]))

    def test_api_create_multi(self):
        customers = (
            self.env["res.partner"]
            .with_user(self.sales_manager)
            .create(
                [
                    {"name": f"接口客户{i}有限公司", "is_company": True, "customer_rank": 1}
                    for i in range(3)
                ]
            )
        )
        self.assertFiled(customers)

    def test_partner_becoming_a_customer(self):
        vendor = self.env["res.partner"].create({"name": "供应商转客户", "is_company": True})
        self.assertFalse(vendor.customer_code or vendor.archive_id)
        vendor._increase_rank("customer_rank")
        self.assertFiled(vendor)
        other = self.env["res.partner"].create({"name": "手工标记客户", "is_company": True})
        other.customer_rank = 1
        self.assertFiled(other)
        contact = self.env["res.partner"].create(
            {"name": "独立出来的公司", "parent_id": self.customer.id, "customer_rank": 1}
        )
        self.assertFalse(contact.customer_code, "a contact is not a commercial customer")
        contact.write({"parent_id": False, "is_company": True})
        self.assertFiled(contact)

    def test_archived_dossier_reopens(self):
        customer = self.env["res.partner"].create(
            {"name": "归档档案客户", "is_company": True, "customer_rank": 1}
        )
        archive = customer.archive_id
        archive.action_archive()
        self.assertEqual(customer.archive_id, archive)
        action = customer.with_user(self.sales_manager).action_open_archive()
        self.assertEqual(action["res_id"], archive.id)
        self.assertEqual(
            self.env["customer.archive"]
            .with_context(active_test=False)
            .search_count([("partner_id", "=", customer.id)]),
            1,
        )
        # Loading the dossier again (a data file, an import) fills in the same one.
        again = self.env["customer.archive"].create(
            {"partner_id": customer.id, "paper_location": "档案柜 Z-01", "active": True}
        )
        self.assertEqual(again, archive)
        self.assertTrue(archive.active)
        self.assertEqual(archive.paper_location, "档案柜 Z-01")

    def test_post_init_hook_files_existing_customers(self):
        partners = self.env["res.partner"].create(
            [{"name": f"安装前客户{i}", "is_company": True, "customer_rank": 1} for i in range(5)]
            + [{"name": "安装前停用客户", "is_company": True, "customer_rank": 1, "active": False}]
        )
        vendor = self.env["res.partner"].create({"name": "安装前供应商", "is_company": True})
        # As they were before the module was installed: no code, no dossier.
        partners.archive_id.unlink()
        self.env.execute_query(
            SQL(
                "UPDATE res_partner SET customer_code = NULL WHERE id IN %s",
                tuple(partners.ids),
            )
        )
        self.env.invalidate_all()
        self.assertFalse(any(partners.mapped("customer_code")) or partners.archive_id)
        post_init_hook(self.env)
        self.assertFiled(partners)
        inactive = partners.filtered(lambda partner: not partner.active)
        self.assertFalse(inactive.archive_id.active, "an archived customer's dossier is archived")
        self.assertFalse(vendor.customer_code or vendor.archive_id)
        self.assertEqual(self.env["res.partner"]._fill_customer_files(), 0, "nothing left")

    def test_fill_in_batches(self):
        partners = self.env["res.partner"].create(
            [{"name": f"批次客户{i}", "is_company": True, "customer_rank": 1} for i in range(5)]
        )
        partners.archive_id.unlink()
        self.env.execute_query(
            SQL(
                "UPDATE res_partner SET customer_code = NULL WHERE id IN %s",
                tuple(partners.ids),
            )
        )
        self.env.invalidate_all()
        self.assertEqual(self.env["res.partner"]._fill_customer_files(batch_size=2), 5)
        self.assertFiled(partners)
