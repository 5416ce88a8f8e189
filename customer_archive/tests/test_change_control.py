from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.customer_archive_change_request import PROPOSALS
from ..models.res_partner import DEFAULT_PROTECTED_FIELDS, PROTECTABLE_FIELDS
from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestChangeControl(CustomerArchiveCase):
    """The fields under change control (004 客户信息变更) are the company's setting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.customer.sudo().company_id = cls.company

    def _fields(self, *names):
        return self.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "in", names)]
        )

    def _request(self, **values):
        request = (
            self.env["customer.archive.change.request"]
            .with_user(self.salesman)
            .create({"partner_id": self.customer.id, "reason": "客户通知变更", **values})
        )
        request.action_submit()
        tier_decide(request, self.sales_manager)
        self.assertEqual(request.state, "approved")
        return request

    def test_default_set_follows_the_regulation(self):
        names = self.company._customer_protected_fields()
        self.assertEqual(names, set(DEFAULT_PROTECTED_FIELDS))
        # 联系方式、结款方式、服务要求、项目报价 plus code, name, tax ID, bank, category, grade
        # and credit limit.
        for name in (
            "phone",
            "email",
            "property_payment_term_id",
            "service_requirements",
            "project_prices",
            "customer_code",
            "name",
            "vat",
            "bank_ids",
            "customer_category",
            "credit_grade",
            "credit_limit",
        ):
            self.assertIn(name, names)
        # A new company starts with the same set.
        company = self.env["res.company"].create({"name": "新公司"})
        self.assertEqual(company._customer_protected_fields(), set(DEFAULT_PROTECTED_FIELDS))
        # Every field that may be protected has its proposal on the change request.
        self.assertEqual(set(PROPOSALS.values()) | {"bank_ids"}, set(PROTECTABLE_FIELDS))

    def test_settings_change_the_set(self):
        settings = Form(self.env["res.config.settings"])
        settings.customer_protected_field_ids.remove(id=self._fields("credit_grade").id)
        settings.customer_protected_field_ids.add(self._fields("short_name"))
        settings.save().execute()
        names = self.company._customer_protected_fields()
        self.assertNotIn("credit_grade", names)
        self.assertIn("short_name", names)
        # Only fields a change request proposes.
        with self.assertRaises(ValidationError):
            self.company.customer_protected_field_ids |= self._fields("comment")

    def test_removed_field_directly_writable_and_tracked(self):
        customer = self.customer.with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "change request"):
            customer.write({"credit_grade": "B"})
        self.company.customer_protected_field_ids -= self._fields("credit_grade")
        self.env.cr.precommit.run()  # the customer was approved in an earlier transaction
        customer.write({"credit_grade": "B"})
        self.env.cr.precommit.run()  # tracking runs before commit
        self.assertEqual(self.customer.credit_grade, "B")
        tracked = self.customer.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "credit_grade"
        )
        self.assertTrue(tracked, "an unprotected change is tracked in the chatter")

    def test_added_field_protected_then_changed_by_request(self):
        customer = self.customer.with_user(self.salesman)
        customer.write({"short_name": "测试机械"})
        self.company.customer_protected_field_ids |= self._fields("short_name")
        with self.assertRaisesRegex(UserError, "change request"):
            customer.write({"short_name": "上测机械"})
        request = (
            self.env["customer.archive.change.request"]
            .with_user(self.salesman)
            .new({"partner_id": self.customer.id})
        )
        self.assertIn("short_name", request.protected_field_names)
        self.assertIn("测试机械", request.current_values)
        self._request(new_short_name="上测机械")
        self.assertEqual(self.customer.short_name, "上测机械")
        # A manager still edits directly.
        self.customer.with_user(self.sales_manager).write({"short_name": "上海测试"})

    def test_regulation_items_through_request(self):
        customer = self.customer.with_user(self.salesman)
        for values in (
            {"phone": "021-55550000"},
            {"email": "caigou@example.cn"},
            {"service_requirements": "送货上门"},
            {"project_prices": "A 项目 5,800 元/吨"},
        ):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, "change request"):
                customer.write(values)

    def test_every_proposal_applies(self):
        head_office = self.env["res.partner"].create(
            {"name": "测试集团有限公司", "is_company": True, "customer_rank": 1}
        )
        values = {
            "new_customer_code": "SH-0099",
            "new_name": "上海测试机械股份有限公司",
            "new_short_name": "上测股份",
            "new_vat": "91310115MA1H7G2K30",
            "new_customer_category": "main",
            "new_credit_grade": "B",
            "new_credit_limit": 80000,
            "new_payment_term_id": self.env.ref("account.account_payment_term_30days").id,
            "new_head_office_id": head_office.id,
            "new_phone": "021-55550000",
            "new_mobile": "13800000000",
            "new_email": "caigou@example.cn",
            "new_service_requirements": "每周二送货，附质检报告",
            "new_project_prices": "二期项目：5,800 元/吨（含税）",
            "new_bank_acc_number": "6222020200112233445",
        }
        self.customer.sudo().country_id = self.env.ref("base.cn")
        request = self._request(**values)
        self.customer.invalidate_recordset()
        for proposal, target in PROPOSALS.items():
            with self.subTest(field=target):
                value = self.customer[target]
                expected = values[proposal]
                self.assertEqual(value.id if hasattr(value, "_name") else value, expected)
        self.assertEqual(self.customer.bank_ids.acc_number, "6222020200112233445")
        self.assertIn("二期项目", request.change_summary)
        grade_b = dict(self.customer._fields["credit_grade"]._description_selection(self.env))["B"]
        self.assertIn(grade_b, request.change_summary)

    def test_lead_does_not_change_protected_contact_details(self):
        self.customer.sudo().phone = "021-55550000"
        lead = self.env["crm.lead"].create(
            {"name": "二期项目", "partner_id": self.customer.id, "user_id": self.salesman.id}
        )
        lead.with_user(self.salesman).phone = "021-66660000"
        self.assertEqual(lead.phone, "021-66660000")
        self.assertEqual(self.customer.phone, "021-55550000", "changed by a change request only")
        # Unprotected, the lead passes it on as in Odoo.
        self.company.customer_protected_field_ids -= self._fields("phone")
        lead.with_user(self.salesman).phone = "021-77770000"
        self.assertEqual(self.customer.phone, "021-77770000")
