from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestDossierAccess(CustomerArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.log = cls.env["customer.archive.communication"].create(
            {"archive_id": cls.archive.id, "purpose": "拜访", "content": "机密内容"}
        )

    def _read(self, user, records=None):
        records = records or self.archive
        records.with_user(user).read(["partner_id"])

    def test_own_salesperson_reads_and_logs(self):
        self._read(self.salesman)
        self._read(self.salesman, self.log)
        log = (
            self.env["customer.archive.communication"]
            .with_user(self.salesman)
            .create({"archive_id": self.archive.id, "purpose": "电话回访"})
        )
        self.assertEqual(log.user_id, self.salesman)

    def test_managers_read_all(self):
        for user in (self.sales_manager, self.archivist):
            with self.subTest(user=user.login):
                self._read(user)
                self._read(user, self.log)

    def test_other_salesperson_needs_approved_request(self):
        with self.assertRaises(AccessError):
            self._read(self.salesman_2)
        # The communication log is the public ledger's (000: 公共台账): read, not written.
        self._read(self.salesman_2, self.log)
        with self.assertRaises(AccessError):
            self.log.with_user(self.salesman_2).write({"content": "改写"})
        request = (
            self.env["customer.archive.access.request"]
            .with_user(self.salesman_2)
            .create({"archive_id": self.archive.id, "purpose": "接手前了解客户情况"})
        )
        request.action_submit()
        with self.assertRaises(AccessError):
            self._read(self.salesman_2)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        tier_decide(request, self.archivist)
        self.assertTrue(request.is_valid)
        self._read(self.salesman_2)
        self._read(self.salesman_2, self.log)
        # Reading is all the request allows.
        with self.assertRaises(AccessError):
            self.archive.with_user(self.salesman_2).write({"paper_location": "B-02"})
        # Once the period is over, access is gone (time passes: written as the superuser,
        # an approved request's period is frozen for users).
        today = fields.Date.today()
        request.sudo().write(
            {"date_from": today - timedelta(days=10), "date_to": today - timedelta(days=1)}
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self._read(self.salesman_2)

    def test_colleague_finds_the_dossier_by_customer_and_requests_it(self):
        Request = self.env["customer.archive.access.request"].with_user(self.salesman_2)
        # the picker offers customers, which a colleague reads, not dossiers, which he does not
        domain = Request._fields["partner_id"].domain
        found = Request.env["res.partner"].name_search(self.customer.name, domain)
        self.assertIn(self.customer.id, [partner_id for partner_id, _name in found])
        # the dossier button on the colleague's customer asks for access instead of failing
        action = self.customer.with_user(self.salesman_2).action_open_archive()
        self.assertEqual(action["res_model"], "customer.archive.access.request")
        request = Request.with_context(**action["context"]).create({"purpose": "接手前了解客户"})
        self.assertEqual(request.archive_id, self.archive)
        self.assertEqual(request.display_name, self.customer.display_name)
        request.action_submit()
        tier_decide(request, self.archivist)
        action = self.customer.with_user(self.salesman_2).action_open_archive()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("customer.archive", self.archive.id)
        )
        # once submitted the customer is frozen like the dossier
        other = self.env["res.partner"].create(
            {"name": "别的客户", "is_company": True, "customer_rank": 1}
        )
        self.assertTrue(other.archive_id)
        with self.assertRaises(AccessError):
            request.partner_id = other

    def test_employee_and_accountant_cannot_read_dossier(self):
        for user in (self.employee, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._read(user)

    def test_sensitive_partner_fields(self):
        self.customer.sudo().write({"registered_capital": 1000000, "credit_note": "担保不足"})
        for user in (self.sales_manager, self.archivist):
            with self.subTest(user=user.login):
                self.customer.with_user(user).read(
                    ["registered_capital", "credit_note", "bank_ids"]
                )
        # the responsible salesperson reads them on the dossier (test_confidentiality)
        self.customer.with_user(self.accountant).read(["bank_ids"])
        for field in ("registered_capital", "credit_note", "bank_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                self.customer.with_user(self.employee).read([field])
        # Basic contact data stays readable as Odoo needs it.
        self.customer.with_user(self.employee).read(["name", "phone", "customer_code"])

    def test_requests_and_loans_are_private(self):
        request = (
            self.env["customer.archive.access.request"]
            .with_user(self.salesman_2)
            .create({"archive_id": self.archive.id, "purpose": "查阅"})
        )
        with self.assertRaises(AccessError):
            request.with_user(self.salesman).read(["purpose"])
        request.with_user(self.archivist).read(["purpose"])

    def test_loan_of_originals(self):
        loan = (
            self.env["customer.archive.loan"]
            .with_user(self.salesman)
            .create(
                {
                    "archive_id": self.archive.id,
                    "purpose": "合同审核需要营业执照原件",
                    "date_due": fields.Date.today() + timedelta(days=3),
                }
            )
        )
        loan.action_submit()
        with self.assertRaises(AccessError):
            tier_decide(loan, self.salesman)
        tier_decide(loan, self.archivist)
        self.assertEqual(loan.state, "lent")
        self.assertFalse(loan.is_overdue)
        today = fields.Date.today()
        loan.sudo().write(
            {"date_out": today - timedelta(days=5), "date_due": today - timedelta(days=1)}
        )
        self.assertTrue(loan.is_overdue)
        Loan = self.env["customer.archive.loan"]
        self.assertEqual(Loan.search([("is_overdue", "=", True)]), loan)
        self.assertEqual(Loan._cron_overdue_reminder(), loan)
        self.assertFalse(Loan._cron_overdue_reminder(), "reminded once only")
        activity = loan.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        loan.with_user(self.archivist).write({"return_note": "原件完整"})
        loan.with_user(self.archivist).action_return()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.date_returned, fields.Date.today())
        self.assertFalse(loan.activity_ids)
