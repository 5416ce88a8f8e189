from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.customer_archive.tests.common import tier_decide
from odoo.addons.customer_archive.tests.common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestDestructionTiers(RetentionCommon):
    """Destruction requests (销毁): two different archive administrators, plus finance for
    sales-ledger records; the requester never approves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old_date = cls.cutoff - relativedelta(months=1)
        cls.billing = new_test_user(
            cls.env, "h4_billing", groups="account.group_account_invoice", name="Billing"
        )
        cls.ledger_reviewer = new_test_user(
            cls.env, "h4_ledger_reviewer", groups="sales_team.group_sale_manager"
        )

    def _finance_request(self, approval_steps=1):
        """A request listing a locked monthly sales ledger (seed 000: finance destroys the
        ledgers), swept by an archivist."""
        period = self.env["sales.ledger.period"].create({"date_from": "2019-01-01"})
        period.action_generate_lines()
        period.action_submit()
        tier_decide(period, self.ledger_reviewer)
        policy = self._create_policy(
            name="Old ledgers",
            model_id=self.env["ir.model"]._get("sales.ledger.period").id,
            date_field_id=self._field("sales.ledger.period", "date_to").id,
            period_value=1,
            action="delete",
            domain=f"[('id', '=', {period.id})]",
            approval_steps=approval_steps,
        )
        request = policy._run_sweep(self.today)
        request.action_submit()
        return request

    def test_finance_approves_ledger_records(self):
        request = self._finance_request()
        self.assertTrue(request.finance_review)
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("record_retention.tier_destruction_archive")
            | self.env.ref("customer_archive.tier_destruction_finance"),
        )
        # Finance waits for the archive; a billing clerk is not finance's reviewer.
        for user in (self.finance, self.billing, self.archivist):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(request, user)
        tier_decide(request, self.archivist_2)
        self.assertEqual(request.state, "to_approve")
        # Finance reads the request it reviews (form, records listed), not the others.
        form = Form(request.with_user(self.finance))
        self.assertEqual(form.line_count, 1)
        tier_decide(request, self.finance, comment="已备份, 同意销毁")
        self.assertEqual(request.state, "approved")
        self.assertIn("Finance", request.approval_summary)
        self.assertIn("已备份, 同意销毁", request.approval_summary)
        self._create_leads(1, self.old_date)
        other = self._approved_request(self._create_policy())
        with self.assertRaises(AccessError):
            other.with_user(self.finance).read(["name"])
        with self.assertRaises(AccessError):
            request.with_user(self.finance).write({"result": "已销毁"})
        request.with_user(self.archivist_3).action_execute()
        self.assertEqual(request.state, "done")
        self.assertIn("Finance", request.log_ids.approvals)

    def test_two_steps_and_finance_three_people(self):
        request = self._finance_request(approval_steps=2)
        self.assertEqual(len(request.review_ids), 3)
        tier_decide(request, self.archivist_2)
        with self.assertRaises(AccessError):
            tier_decide(request, self.finance)  # the second archive step comes first
        tier_decide(request, self.archivist_3)
        tier_decide(request, self.finance)
        self.assertEqual(request.state, "approved")
        self.assertEqual(
            request.review_ids.mapped("done_by"),
            self.archivist_2 | self.archivist_3 | self.finance,
        )

    def test_other_records_need_no_finance(self):
        policy = self._create_policy(approval_steps=2)
        self._create_leads(1, self.old_date)
        request = policy._run_sweep()
        request.action_submit()
        self.assertFalse(request.finance_review)
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("record_retention.tier_destruction_archive")
            | self.env.ref("record_retention.tier_destruction_archive_second"),
        )

    def test_rejection_sends_the_request_back(self):
        policy = self._create_policy()
        self._create_leads(2, self.old_date)
        request = policy._run_sweep()
        request.action_submit()
        tier_decide(request, self.archivist_2, approve=False, comment="清单含在诉客户记录")
        self.assertEqual(request.state, "draft")
        rejected = request.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual(rejected.comment, "清单含在诉客户记录")
        # The requester removes a record and submits again: a new round of reviews.
        request.line_ids[:1].unlink()
        request.action_submit()
        self.assertEqual(request.review_ids.mapped("status"), ["pending"])
        tier_decide(request, self.archivist_2)
        self.assertEqual(request.state, "approved")

    def test_requester_never_approves(self):
        # An administrator who requested the destruction is also finance: he signs nothing.
        self.archivist.groups_id += self.env.ref("account.group_account_manager")
        request = self._finance_request()
        self.assertEqual(request.user_id, self.archivist)
        tier_decide(request, self.archivist_2)
        with self.assertRaises(AccessError):
            tier_decide(request, self.archivist)
        tier_decide(request, self.finance)
        self.assertEqual(request.state, "approved")

    def test_application_for_a_ledger_month_needs_finance(self):
        """A destruction application by hand (seed 001) for a locked ledger month: finance
        approves it as for a sweep (seed 000: 销毁必须由财务部门负责)."""
        period = self.env["sales.ledger.period"].create({"date_from": "2018-01-01"})
        period.action_generate_lines()
        period.action_submit()
        tier_decide(period, self.ledger_reviewer)
        lines = [Command.create({"record_ref": f"sales.ledger.period,{period.id}"})]
        Request = self.env["archive.destruction.request"].with_user(self.archivist)
        vals = {
            "target_model_id": self.env["ir.model"]._get("sales.ledger.period").id,
            "action": "delete",
            "reason": "2018年1月销货台账保存期满",
            "check_identified": True,
            "check_complete": True,
            "check_not_needed": True,
        }
        # The applicant names only records he reads.
        with self.assertRaises(AccessError):
            Request.create({**vals, "line_ids": lines})
        self.archivist.groups_id += self.env.ref("sales_ledger.group_sales_ledger_reader")
        request = Request.create({**vals, "line_ids": lines})
        self.assertTrue(request.finance_review)
        request.action_submit()
        self.assertEqual(
            request.review_ids.definition_id,
            self.env.ref("record_retention.tier_destruction_archive")
            | self.env.ref("record_retention.tier_destruction_archive_second")
            | self.env.ref("customer_archive.tier_destruction_finance"),
        )
        for user in (self.archivist_2, self.archivist_3, self.finance):
            tier_decide(request, user)
        self.assertEqual(request.state, "approved")
        request.action_execute()
        self.assertEqual(request.state, "done")
        self.assertFalse(period.exists())
        self.assertTrue(request.export_sha256)
