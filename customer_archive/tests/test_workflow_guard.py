from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CustomerArchiveCase, tier_decide
from .common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestWorkflowGuard(CustomerArchiveCase):
    """Workflow fields change through the workflow methods only (SPEC §0)."""

    def _new_customer(self, user):
        return (
            self.env["res.partner"]
            .with_user(user)
            .with_context(res_partner_search_mode="customer")
            .create({"name": "自批客户有限公司", "is_company": True})
        )

    def test_salesperson_cannot_approve_his_customer_by_writing(self):
        customer = self._new_customer(self.salesman)
        self.assertEqual(customer.archive_state, "draft")
        with self.assertRaises(UserError):
            customer.write({"archive_state": "approved"})
        # Managers decide through the button, not by editing the field either.
        with self.assertRaises(UserError):
            customer.with_user(self.sales_manager).write({"archive_state": "approved"})
        self.assertEqual(customer.archive_state, "draft")
        customer.action_submit_customer()
        tier_decide(customer, self.sales_manager)
        self.assertEqual(customer.archive_state, "approved")
        # Writing the value a record already has changes nothing and is allowed.
        customer.with_user(self.salesman).write({"archive_state": "approved", "comment": "ok"})

    def test_salesperson_cannot_take_over_a_colleagues_customer(self):
        with self.assertRaises(UserError):
            self.customer.with_user(self.salesman_2).write({"user_id": self.salesman_2.id})
        with self.assertRaises(UserError):
            self.customer.with_user(self.salesman).write({"user_id": self.salesman_2.id})
        self.assertEqual(self.customer.user_id, self.salesman)
        # Managers and archive administrators reassign; the handover wizard too.
        self.customer.with_user(self.sales_manager).write({"user_id": self.salesman_2.id})
        self.customer.with_user(self.archivist).write({"user_id": self.salesman.id})
        self.env["customer.archive.handover"].with_user(self.sales_manager).create(
            {"from_user_id": self.salesman.id, "to_user_id": self.salesman_2.id}
        ).action_handover()
        self.assertEqual(self.customer.user_id, self.salesman_2)

    def test_dossier_copies_and_customer_are_frozen(self):
        archive = self.archive.with_user(self.salesman)
        other = self._new_customer(self.salesman_2)
        for values in (
            {"user_id": self.salesman_2.id},
            {"archive_state": "closed"},
            {"credit_grade": "C"},
            {"partner_id": other.id},
        ):
            with self.subTest(values=values), self.assertRaises(UserError):
                archive.write(values)
        archive.write({"paper_location": "档案柜 B-1"})
        self.assertEqual(archive.user_id, self.salesman)

    def test_self_approved_access_request_refused(self):
        Request = self.env["customer.archive.access.request"].with_user(self.salesman_2)
        values = {
            "archive_id": self.archive.id,
            "purpose": "自己批准",
            "date_to": fields.Date.today() + timedelta(days=3650),
        }
        with self.assertRaises(UserError):
            Request.create(dict(values, state="approved"))
        with self.assertRaises(UserError):
            Request.create(dict(values, approver_id=self.salesman_2.id))
        request = Request.create(values)
        # The department head is the requester's, not an accomplice he picks.
        with self.assertRaises(UserError):
            request.write({"manager_id": self.salesman.id})
        request.action_submit()
        with self.assertRaises(UserError):
            request.write({"state": "approved"})
        with self.assertRaises(UserError):
            request.write({"approver_id": self.archivist.id})
        with self.assertRaises(AccessError):
            self.archive.with_user(self.salesman_2).read(["payment_record"])
        # The legitimate path: the archive administrator approves; the period is then frozen.
        tier_decide(request, self.archivist)
        self.assertTrue(request.is_valid)
        self.archive.with_user(self.salesman_2).read(["payment_record"])
        with self.assertRaises(UserError):
            request.write({"date_to": fields.Date.today() + timedelta(days=7300)})

    def test_loan_created_as_lent_refused(self):
        Loan = self.env["customer.archive.loan"].with_user(self.salesman)
        values = {
            "archive_id": self.archive.id,
            "purpose": "合同原件",
            "date_due": fields.Date.today() + timedelta(days=7),
        }
        with self.assertRaises(UserError):
            Loan.create(dict(values, state="lent"))
        loan = Loan.create(values)
        loan.action_submit()
        with self.assertRaises(UserError):
            loan.write({"state": "lent", "approver_id": self.archivist.id})
        with self.assertRaises(AccessError):
            tier_decide(loan, self.salesman)
        tier_decide(loan, self.archivist)
        self.assertEqual(loan.state, "lent")
        self.assertEqual(loan.approver_id, self.archivist)
        with self.assertRaises(UserError):
            loan.write({"date_returned": fields.Date.today()})
        loan.with_user(self.archivist).action_return()
        self.assertEqual(loan.state, "returned")

    def test_change_request_created_as_approved_refused(self):
        Change = self.env["customer.archive.change.request"].with_user(self.salesman)
        values = {"partner_id": self.customer.id, "reason": "升级", "new_credit_grade": "B"}
        with self.assertRaises(UserError):
            Change.create(dict(values, state="approved", approver_id=self.sales_manager.id))
        change = Change.create(values)
        change.action_submit()
        with self.assertRaises(UserError):
            change.write({"state": "approved"})
        with self.assertRaises(UserError):
            change.write({"opinion": "同意", "approver_id": self.sales_manager.id})
        tier_decide(change, self.sales_manager)
        self.assertEqual(change.state, "approved")
        self.assertEqual(self.customer.credit_grade, "B")
        with self.assertRaises(UserError):
            change.write({"new_credit_grade": "A"})

    def test_pass_covers_only_its_records(self):
        first = self._new_customer(self.salesman)
        second = self._new_customer(self.salesman)
        with self.assertRaises(UserError), first._workflow_pass():
            second.with_user(self.salesman).write({"archive_state": "approved"})
        # A context key sent by a client is no pass.
        with self.assertRaises(UserError):
            second.with_user(self.salesman).with_context(
                **{"customer_archive.workflow_pass": True}
            ).write({"archive_state": "approved"})


@tagged("post_install", "-at_install")
class TestDestructionGuard(RetentionCommon):
    def test_second_approval_cannot_be_written(self):
        policy = self._create_policy(approval_steps=2)
        self._create_leads(2, self.cutoff - timedelta(days=3))
        request = policy.with_user(self.archivist)._run_sweep()
        request.action_submit()
        tier_decide(request, self.archivist_2)
        self.assertEqual(request.state, "to_approve")
        # The administrator of the first step signs the second one neither by writing nor
        # through the engine; the requester neither.
        for user in (self.archivist, self.archivist_2):
            with self.subTest(user=user.login):
                forger = request.with_user(user)
                with self.assertRaises(UserError):
                    forger.write({"state": "approved", "approval_summary": "第二审批人: 同意"})
                with self.assertRaises(AccessError):
                    tier_decide(request, user)
        with self.assertRaises(UserError):
            request.write({"approval_steps": 1})
        with self.assertRaises(UserError):
            request.write({"finance_review": False})
        with self.assertRaises(UserError):
            request.line_ids[:1].write({"res_id": self.admin.partner_id.id})
        # A new request takes the policy's number of approvals, whatever the user sends.
        request_2 = (
            self.env["archive.destruction.request"]
            .with_user(self.archivist)
            .create({"policy_id": policy.id})
        )
        self.assertEqual(request_2.approval_steps, 2)
        Request = self.env["archive.destruction.request"].with_user(self.archivist)
        for values in ({"state": "approved"}, {"user_id": self.archivist_2.id}):
            with self.subTest(values=values), self.assertRaises(UserError):
                Request.create({"policy_id": policy.id, **values})
        # The legitimate path: another administrator approves, then the request runs.
        tier_decide(request, self.archivist_3)
        self.assertEqual(request.state, "approved")
        request.with_user(self.archivist_2).action_execute()
        self.assertEqual(request.state, "done")
