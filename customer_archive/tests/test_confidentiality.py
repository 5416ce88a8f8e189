from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CustomerArchiveCase, tier_decide

CONFIDENTIAL = ("registered_capital", "credit_note")


@tagged("post_install", "-at_install")
class TestConfidentiality(CustomerArchiveCase):
    """保密范围: registration capital, credit notes and bank accounts of a customer are
    read by its salesperson, sales managers, archive administrators and the holders of
    an approved, unexpired access request; the internal grade never by the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.sudo().write(
            {
                "registered_capital": 5000000,
                "credit_note": "担保不足，谨慎放账",
                "bank_ids": [Command.create({"acc_number": "6222020200112233"})],
            }
        )
        cls.bank = cls.customer.sudo().bank_ids
        cls.portal_user = new_test_user(
            cls.env,
            "ca_portal",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "门户联系人", "parent_id": cls.customer.id})
            .id,
        )

    def _approved_request(self, user):
        request = (
            self.env["customer.archive.access.request"]
            .with_user(user)
            .create({"archive_id": self.archive.id, "purpose": "接手前了解客户情况"})
        )
        request.action_submit()
        tier_decide(request, self.archivist)
        self.assertTrue(request.is_valid)
        return request

    def _banks(self, user):
        return self.env["res.partner.bank"].with_user(user).search([("id", "=", self.bank.id)])

    def test_partner_fields_for_managers_and_archive_only(self):
        for user in (self.salesman, self.salesman_2, self.accountant, self.employee):
            for field in CONFIDENTIAL:
                with self.subTest(user=user.login, field=field), self.assertRaises(AccessError):
                    self.customer.with_user(user).read([field])
            with self.subTest(user=user.login, path="read_group"), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).read_group(
                    [("id", "=", self.customer.id)], ["registered_capital:sum"], []
                )
            with self.subTest(user=user.login, path="search"), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).search([("credit_note", "ilike", "担保")])
        for user in (self.sales_manager, self.archivist):
            with self.subTest(user=user.login):
                values = self.customer.with_user(user).read(list(CONFIDENTIAL))[0]
                self.assertEqual(values["credit_note"], "担保不足，谨慎放账")

    def test_responsible_salesperson_reads_and_writes_on_dossier(self):
        archive = self.archive.with_user(self.salesman)
        self.assertEqual(archive.registered_capital, 5000000)
        self.assertEqual(archive.credit_note, "担保不足，谨慎放账")
        self.assertEqual(archive.bank_ids, self.bank)
        self.assertEqual(self._banks(self.salesman), self.bank)
        archive.write({"credit_note": "已补充担保", "registered_capital": 8000000})
        self.assertEqual(self.customer.sudo().credit_note, "已补充担保")
        self.assertEqual(self.customer.sudo().registered_capital, 8000000)

    def test_other_salesperson_needs_approved_unexpired_request(self):
        archive = self.archive.with_user(self.salesman_2)
        with self.assertRaises(AccessError):
            archive.read(["credit_note"])
        with self.assertRaises(AccessError):
            archive.write({"credit_note": "篡改"})
        self.assertFalse(self._banks(self.salesman_2))
        self.assertFalse(self._banks(self.employee))
        self.assertFalse(self.customer.with_user(self.salesman_2).bank_ids)
        request = self._approved_request(self.salesman_2)
        self.assertEqual(archive.read(["credit_note"])[0]["credit_note"], "担保不足，谨慎放账")
        self.assertEqual(self._banks(self.salesman_2), self.bank)
        with self.assertRaises(AccessError):
            archive.write({"credit_note": "篡改"})
        today = fields.Date.today()
        request.sudo().write(
            {"date_from": today - timedelta(days=10), "date_to": today - timedelta(days=1)}
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            archive.read(["credit_note"])
        self.assertFalse(self._banks(self.salesman_2))

    def test_finance_and_managers_read_bank_accounts(self):
        for user in (self.accountant, self.sales_manager, self.archivist):
            with self.subTest(user=user.login):
                self.assertEqual(self._banks(user), self.bank)

    def test_portal_never_reads_internal_grade(self):
        partner = self.customer.with_user(self.portal_user)
        partner.read(["name"])
        with self.assertRaises(AccessError):
            partner.read(["credit_grade"])
        with self.assertRaises(AccessError):
            self.portal_user.partner_id.with_user(self.portal_user).read(
                ["commercial_partner_id", "credit_grade"]
            )
