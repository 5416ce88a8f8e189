from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestLoanTiers(CustomerArchiveCase):
    """Loans of originals (借用) and their extensions (延期): the borrower's department head,
    then the archive approve them; the borrower never does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["crm.team"].create(
            {
                "name": "华东销售部",
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.link(cls.salesman_2.id)],
            }
        )
        cls.today = fields.Date.today()

    def _loan(self, **values):
        loan = (
            self.env["customer.archive.loan"]
            .with_user(self.salesman_2)
            .create(
                {
                    "archive_id": self.archive.id,
                    "purpose": "投标需要营业执照原件",
                    "date_due": self.today + timedelta(days=5),
                    **values,
                }
            )
        )
        loan.action_submit()
        return loan

    def _lent_loan(self):
        loan = self._loan()
        tier_decide(loan, self.sales_manager)
        tier_decide(loan, self.archivist)
        self.assertEqual(loan.state, "lent")
        return loan

    def _extension(self, loan, user=None, days=10):
        extension = (
            self.env["customer.archive.loan.extension"]
            .with_user(user or self.salesman_2)
            .create(
                {
                    "loan_id": loan.id,
                    "new_date_due": self.today + timedelta(days=days),
                    "reason": "投标延期一周",
                }
            )
        )
        extension.action_submit()
        return extension

    def test_department_head_then_archive(self):
        loan = self._loan()
        self.assertEqual(loan.manager_id, self.sales_manager)
        self.assertEqual(
            loan.review_ids.definition_id,
            self.env.ref("customer_archive.tier_loan_department_head")
            | self.env.ref("customer_archive.tier_loan_archive"),
        )
        # The borrower never approves; the archive waits for the department head.
        for user in (self.salesman_2, self.archivist):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(loan, user)
        # The department head reads the loan he reviews.
        loan.with_user(self.sales_manager).read(["purpose"])
        tier_decide(loan, self.sales_manager, comment="同意借用")
        self.assertEqual(loan.state, "submitted")
        tier_decide(loan, self.archivist, comment="原件已交借用人")
        self.assertEqual(loan.state, "lent")
        self.assertEqual(loan.approver_id, self.archivist)
        self.assertTrue(loan.approval_date)
        self.assertEqual(loan.review_ids.mapped("done_by"), self.sales_manager | self.archivist)

    def test_loan_forgeries_refused(self):
        Loan = self.env["customer.archive.loan"].with_user(self.salesman_2)
        values = {
            "archive_id": self.archive.id,
            "purpose": "自己批准",
            "date_due": self.today + timedelta(days=3),
        }
        for forged in (
            {"state": "lent"},
            {"approver_id": self.archivist.id},
            {"date_returned": self.today},
        ):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Loan.create({**values, **forged})
        # The first approver is the borrower's department head, not one he picks.
        with self.assertRaises(UserError):
            Loan.create({**values, "manager_id": self.salesman.id})
        draft = Loan.create(values)
        with self.assertRaises(UserError):
            draft.write({"manager_id": self.salesman.id})
        loan = self._loan()
        with self.assertRaises(UserError):
            loan.write({"state": "lent", "approver_id": self.archivist.id})
        with self.assertRaises(UserError):
            loan.write({"validation_status": "validated"})
        with self.assertRaises(UserError):
            loan.write({"date_due": self.today + timedelta(days=365)})
        self.assertEqual(loan.state, "submitted")

    def test_rejection_with_opinion(self):
        loan = self._loan()
        tier_decide(loan, self.sales_manager, approve=False, comment="用途不明确")
        self.assertEqual(loan.state, "rejected")
        rejected = loan.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual((rejected.done_by, rejected.comment), (self.sales_manager, "用途不明确"))

    def test_due_date_changes_by_approved_extension_only(self):
        loan = self._lent_loan()
        due = loan.date_due
        for user in (self.salesman_2, self.archivist, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                loan.with_user(user).write({"date_due": due + timedelta(days=30)})
        Extension = self.env["customer.archive.loan.extension"].with_user(self.salesman_2)
        values = {"loan_id": loan.id, "new_date_due": due + timedelta(days=30), "reason": "延期"}
        for forged in (
            {"state": "approved"},
            {"approver_id": self.archivist.id},
            {"manager_id": self.salesman.id},
            {"user_id": self.salesman.id},
        ):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                Extension.create({**values, **forged})
        with self.assertRaises(UserError):
            self._extension(loan, days=1)  # before the current due date
        with self.assertRaises(UserError):
            self._extension(loan, user=self.salesman)  # not his loan
        extension = self._extension(loan)
        self.assertEqual(extension.date_due, due)
        self.assertEqual(extension.manager_id, self.sales_manager)
        with self.assertRaises(UserError):
            self._extension(loan, days=20)  # one extension at a time
        with self.assertRaises(UserError):
            extension.write({"new_date_due": due + timedelta(days=300)})
        with self.assertRaises(AccessError):
            tier_decide(extension, self.salesman_2)
        with self.assertRaises(AccessError):
            tier_decide(extension, self.archivist)
        tier_decide(extension, self.sales_manager)
        self.assertEqual(loan.date_due, due)
        tier_decide(extension, self.archivist, comment="同意延期")
        self.assertEqual(extension.state, "approved")
        self.assertEqual(extension.approver_id, self.archivist)
        self.assertEqual(loan.date_due, self.today + timedelta(days=10))

    def test_extension_rejected_keeps_the_due_date(self):
        loan = self._lent_loan()
        due = loan.date_due
        extension = self._extension(loan)
        tier_decide(extension, self.sales_manager, approve=False, comment="请按期归还")
        self.assertEqual(extension.state, "rejected")
        self.assertEqual(loan.date_due, due)

    def test_return_cancels_a_waiting_extension(self):
        loan = self._lent_loan()
        extension = self._extension(loan)
        with self.assertRaises(UserError):
            loan.with_user(self.salesman_2).action_return()
        loan.with_user(self.archivist).action_return()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(extension.state, "cancelled")
        self.assertFalse(extension.review_ids, "nobody is asked to review it any more")

    def test_loan_form_requests_an_extension(self):
        loan = self._lent_loan()
        action = loan.with_user(self.salesman_2).action_request_extension()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.salesman_2)
            .with_context(**action["context"])
        )
        form.new_date_due = self.today + timedelta(days=8)
        form.reason = "客户要求补充材料"
        extension = form.save()
        extension.action_submit()
        self.assertEqual(extension.loan_id, loan)
        self.assertEqual(extension.state, "submitted")
        self.assertEqual(loan.extension_ids, extension)
