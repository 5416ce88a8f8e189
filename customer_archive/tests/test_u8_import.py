from odoo.tests import new_test_user, tagged
from odoo.tools import file_open

from ..models.res_partner_u8_import import IMPORT_OPTIONS, U8_TEMPLATE, XLSX
from .common import CustomerArchiveCase

U8_COLUMNS = {
    "客户编码": "customer_code",
    "客户名称": "name",
    "客户简称": "short_name",
    "类型": "company_type",
    "所属分类": "customer_category",
    "国家": "country_id",
    "税号": "vat",
    "开户银行": "bank_ids/bank_id",
    "银行账号": "bank_ids/acc_number",
    "地址": "street",
    "联系人": "child_ids/name",
    "电话": "phone",
    "信用等级": "credit_grade",
    "信用额度": "credit_limit",
    "付款条件": "property_payment_term_id",
    "业务员": "user_id",
    "总公司": "head_office_id",
}


@tagged("post_install", "-at_install")
class TestU8Import(CustomerArchiveCase):
    """The U8 customer file (U8 客户档案) template goes through Odoo's own import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman_li = new_test_user(
            cls.env, "ca_li", groups="sales_team.group_sale_salesman", name="李娜"
        )

    def test_template_offered_by_the_import_dialog(self):
        templates = self.env["res.partner"].get_import_templates()
        self.assertEqual(templates[0]["template"], f"/{U8_TEMPLATE}")
        self.assertIn("/base/static/xls/res_partner.xlsx", [t["template"] for t in templates])

    def test_import_template_with_base_import(self):
        with file_open(U8_TEMPLATE, "rb") as template:
            content = template.read()
        # Imported from the customer list, in Chinese, as the import dialog does.
        importer = (
            self.env["base_import.import"]
            .with_user(self.env.ref("base.user_admin"))
            .with_context(lang="zh_CN", res_partner_search_mode="customer")
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": "u8.xlsx",
                    "file_type": XLSX,
                }
            )
        )
        preview = importer.parse_preview(dict(IMPORT_OPTIONS))
        self.assertFalse(preview.get("error"))
        headers = preview["headers"]
        self.assertEqual(set(headers), set(U8_COLUMNS), "the template's columns are U8's")
        mapped = {headers[index]: "/".join(path) for index, path in preview["matches"].items()}
        self.assertEqual(mapped, U8_COLUMNS, "every column mapped by the import dialog itself")

        result = importer.execute_import(
            [U8_COLUMNS[header] for header in headers], headers, dict(IMPORT_OPTIONS)
        )
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"], result)
        customers = self.env["res.partner"].browse(result["ids"])
        head = customers.filtered(lambda p: p.customer_code == "U8-1001")
        branch = customers.filtered(lambda p: p.customer_code == "U8-1002")
        self.assertTrue(head and branch)
        for customer in customers:
            with self.subTest(customer=customer.name):
                self.assertTrue(customer.is_company)
                self.assertGreater(customer.customer_rank, 0)
                self.assertEqual(customer.archive_state, "approved")
                self.assertEqual(customer.archive_id.partner_id, customer, "filed at once")
                self.assertEqual(customer.user_id, self.salesman_li)
                self.assertEqual(customer.country_id, self.env.ref("base.cn"))
                self.assertEqual(
                    customer.property_payment_term_id,
                    self.env.ref("account.account_payment_term_30days"),
                )
        self.assertEqual(branch.head_office_id, head)
        self.assertEqual(head.branch_ids, branch)
        self.assertEqual(head.short_name, "恒远集团")
        self.assertEqual((head.customer_category, head.credit_grade), ("important", "A"))
        self.assertEqual((branch.customer_category, branch.credit_grade), ("main", "B"))
        self.assertEqual(head.credit_limit, 500000)
        self.assertEqual(head.vat, "91320500MA1X7Q8K2Q")
        self.assertEqual(head.bank_ids.acc_number, "6216 6090 0000 1001")
        self.assertEqual(head.bank_ids.bank_id.name, "中国银行苏州工业园区支行")
        self.assertEqual(head.child_ids.name, "周建国")
        self.assertEqual(head.phone, "0512-62880001")

    def test_import_helper_imports_the_sample(self):
        customers = (
            self.env["res.partner"]
            .with_context(lang="zh_CN", res_partner_search_mode="customer")
            ._import_u8_template()
        )
        self.assertEqual(sorted(customers.mapped("customer_code")), ["U8-1001", "U8-1002"])
        self.assertTrue(all(customers.archive_id))
