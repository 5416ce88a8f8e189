from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.customer_archive.models.res_partner import display_width

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestCustomerFile(CustomerArchiveCase):
    def _customer(self, **values):
        return (
            self.env["res.partner"]
            .with_context(res_partner_search_mode="customer")
            .create({"name": "测试客户", "is_company": True, **values})
        )

    def test_code_from_sequence_when_empty(self):
        customer = self._customer()
        self.assertRegex(customer.customer_code, r"^KH\d{6}$")
        contact = self.env["res.partner"].create({"name": "联系人", "parent_id": customer.id})
        self.assertFalse(contact.customer_code, "contacts of a customer get no code")
        vendor = self.env["res.partner"].create({"name": "供应商", "is_company": True})
        self.assertFalse(vendor.customer_code, "only customers get a code")

    def test_code_format(self):
        self._customer(customer_code="SH-001_a")
        for bad in ("含中文", "A B", "A" * 21, "x/y"):
            with self.subTest(code=bad), self.assertRaisesRegex(ValidationError, "Customer Code"):
                self._customer(customer_code=bad)

    def test_code_unique_per_company(self):
        company_a = self.env.company
        company_b = self.env["res.company"].create({"name": "分公司"})
        self._customer(customer_code="DUP1", company_id=company_a.id)
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._customer(customer_code="DUP1", company_id=company_a.id)
        # Another company may reuse the code ...
        self._customer(customer_code="DUP1", company_id=company_b.id)
        # ... and partners without company form one scope of their own.
        self._customer(customer_code="DUP1", company_id=False)
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._customer(customer_code="DUP1", company_id=False)
        # A contact under a customer does not compete with commercial partners.
        parent = self._customer(customer_code="DUP2")
        self.env["res.partner"].create(
            {"name": "联系人", "parent_id": parent.id, "customer_code": "DUP2"}
        )

    def test_display_widths(self):
        self.assertEqual(display_width("华东机电ABC"), 11)
        self._customer(short_name="中" * 30)
        with self.assertRaisesRegex(ValidationError, "Short Name.*60"):
            self._customer(short_name="中" * 30 + "A")
        self._customer(name="公" * 49)
        with self.assertRaisesRegex(ValidationError, "Name.*98"):
            self._customer(name="公" * 49 + "A")
        # The name limit applies to customers only, not to other partners.
        self.env["res.partner"].create({"name": "公" * 60, "is_company": True})

    def test_validation_message_in_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        partners = self.env["res.partner"].with_context(
            lang="zh_CN", res_partner_search_mode="customer"
        )
        with self.assertRaisesRegex(ValidationError, "客户简称.*60"):
            partners.create({"name": "宽度", "is_company": True, "short_name": "中" * 31})
        with self.assertRaisesRegex(ValidationError, "统一社会信用代码"):
            partners.create(
                {
                    "name": "无效",
                    "is_company": True,
                    "country_id": self.env.ref("base.cn").id,
                    "vat": "91310115MA1H7G2K3X",
                }
            )

    def test_unified_social_credit_code(self):
        china = self.env.ref("base.cn")
        partner = self._customer(country_id=china.id, vat="91310115MA1H7G2K30")
        self.assertEqual(partner.vat, "91310115MA1H7G2K30")
        for bad in ("91310115MA1H7G2K31", "9131011", "91310115MA1H7G2K30X"):
            with self.subTest(vat=bad), self.assertRaisesRegex(ValidationError, "GB 32100-2015"):
                self._customer(country_id=china.id, vat=bad)
        # Other countries keep Odoo's own rules.
        self._customer(country_id=self.env.ref("base.us").id, vat="12-3456789")

    def test_industry_classification(self):
        industries = self.env["res.partner.industry"].search(
            [
                (
                    "id",
                    "in",
                    self.env["ir.model.data"]
                    .search(
                        [
                            ("module", "=", "customer_archive"),
                            ("model", "=", "res.partner.industry"),
                        ]
                    )
                    .mapped("res_id"),
                )
            ]
        )
        sections = industries.filtered(lambda i: i.full_name[1] == " ")
        self.assertEqual(len(sections), 20)
        self.assertEqual(len(industries) - len(sections), 97)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_archive"], ["zh_CN"])
        manufacturing = self.env.ref("customer_archive.industry_gbt4754_c").with_context(
            lang="zh_CN"
        )
        self.assertEqual(manufacturing.name, "制造业")
        software = self.env.ref("customer_archive.industry_gbt4754_65").with_context(lang="zh_CN")
        self.assertEqual(software.full_name, "I65 软件和信息技术服务业")

    def test_name_search_by_short_name_and_code(self):
        customer = self._customer(name="上海华东机电设备有限公司", short_name="华机电")
        for term in ("华机电", customer.customer_code):
            with self.subTest(term=term):
                found = [
                    partner_id
                    for partner_id, _name in self.env["res.partner"]
                    .with_user(self.salesman)
                    .name_search(term)
                ]
                self.assertIn(customer.id, found)
