from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import CustomerArchiveCase, tier_decide


@tagged("post_install", "-at_install")
class TestAccessRequestTiers(CustomerArchiveCase):
    """Dossier access requests (查阅申请) run on the shipped tier definitions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {
                "name": "华东销售部",
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.link(cls.salesman_2.id)],
            }
        )
        cls.general_manager = new_test_user(
            cls.env,
            "ca_general_manager",
            groups="customer_archive.group_general_manager",
            name="总经理",
        )

    def _request(self):
        request = (
            self.env["customer.archive.access.request"]
            .with_user(self.salesman_2)
            .create({"archive_id": self.archive.id, "purpose": "接手前了解客户情况"})
        )
        request.action_submit()
        return request

    def _read(self):
        self.archive.with_user(self.salesman_2).read(["payment_record"])

    def test_department_head_then_archive(self):
        request = self._request()
        self.assertEqual(request.manager_id, self.sales_manager)
        self.assertEqual(
            request.review_ids.mapped("definition_id"),
            self.env.ref("customer_archive.tier_access_request_department_head")
            | self.env.ref("customer_archive.tier_access_request_archive"),
        )
        # The requester does not approve himself; the archive waits for the department head.
        for user in (self.salesman_2, self.archivist):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(request, user)
        # The reviewer sees the request he reviews (and only then).
        request.with_user(self.sales_manager).read(["purpose"])
        tier_decide(request, self.sales_manager, comment="同意, 仅限本月")
        self.assertEqual(request.state, "submitted")
        with self.assertRaises(AccessError):
            self._read()
        tier_decide(request, self.archivist)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.archivist)
        self.assertEqual(request.review_ids.mapped("done_by"), self.sales_manager | self.archivist)
        self.assertIn("同意, 仅限本月", request.review_ids.mapped("comment"))
        self._read()

    def test_sensitive_dossier_needs_general_manager(self):
        with self.assertRaises(UserError):
            self.archive.with_user(self.salesman).write({"sensitive": True})
        self.archive.with_user(self.archivist).write({"sensitive": True})
        request = self._request()
        tier_decide(request, self.sales_manager)
        tier_decide(request, self.archivist)
        self.assertEqual(request.state, "submitted")
        tier_decide(request, self.general_manager)
        self.assertEqual(request.state, "approved")

    def test_rejection_with_opinion(self):
        request = self._request()
        tier_decide(request, self.sales_manager, approve=False, comment="用途不明确")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.validation_status, "rejected")
        rejected = request.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual(rejected.done_by, self.sales_manager)
        self.assertEqual(rejected.comment, "用途不明确")
        self.assertTrue(any("用途不明确" in message.body for message in request.message_ids))
        # The requester cannot turn the rejection into an approval through the review list.
        with self.assertRaises(AccessError):
            request.with_user(self.salesman_2).write(
                {"review_ids": [Command.update(rejected.id, {"status": "approved"})]}
            )
        with self.assertRaises(AccessError):
            self._read()

    def test_one_person_signs_one_tier(self):
        # The department head is also an archive administrator: another one signs the archive tier.
        self.sales_manager.groups_id += self.env.ref("customer_archive.group_archive_manager")
        request = self._request()
        tier_decide(request, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(request, self.sales_manager)
        self.assertEqual(request.state, "submitted")
        tier_decide(request, self.archivist)
        self.assertEqual(request.state, "approved")

    def test_reviews_cannot_be_forged(self):
        request = self._request()
        review = request.review_ids[0]
        Review = self.env["tier.review"].with_user(self.salesman_2)
        with self.assertRaises(AccessError):
            review.with_user(self.salesman_2).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.salesman_2).unlink()
        with self.assertRaises(AccessError):
            Review.create(
                {
                    "model": request._name,
                    "res_id": request.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        # Nor through the document's own list of reviews.
        with self.assertRaises(UserError):
            request.with_user(self.salesman_2).write(
                {"review_ids": [Command.update(review.id, {"status": "approved"})]}
            )
        # The comment wizard decides only the caller's own reviews.
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.salesman_2)
            .create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "review_ids": [Command.set(request.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "自己批准",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.add_comment()
        # OCA's switch to write under validation is not the client's to send.
        with self.assertRaises(UserError):
            request.with_user(self.salesman_2).with_context(skip_validation_check=True).write(
                {"state": "approved"}
            )
        self.assertEqual(request.review_ids.mapped("status"), ["pending", "waiting"])

    def test_only_the_requester_restarts(self):
        request = self._request()
        tier_decide(request, self.sales_manager)
        for user in (self.sales_manager, self.archivist):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.with_user(user).restart_validation()
        self.assertEqual(request.review_ids.mapped("status"), ["approved", "pending"])
        request.with_user(self.salesman_2).restart_validation()
        self.assertFalse(request.review_ids)

    def test_personal_defaults_do_not_approve(self):
        # A user's own defaults (ir.default) do not set what only the workflow sets.
        for name, value in (("state", "approved"), ("approver_id", self.salesman_2.id)):
            self.env["ir.default"].set(
                "customer.archive.access.request", name, value, user_id=self.salesman_2.id
            )
        request = (
            self.env["customer.archive.access.request"]
            .with_user(self.salesman_2)
            .create({"archive_id": self.archive.id, "purpose": "默认值"})
        )
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.approver_id)

    def test_definition_decides_who_approves(self):
        archive_tier = self.env.ref("customer_archive.tier_access_request_archive")
        with Form(archive_tier) as definition:
            definition.review_type = "individual"
            definition.reviewer_id = self.general_manager
        request = self._request()
        tier_decide(request, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(request, self.archivist)
        tier_decide(request, self.general_manager)
        self.assertEqual(request.state, "approved")

    def test_no_tier_no_approval(self):
        self.env["tier.definition"].search(
            [("model", "=", "customer.archive.access.request")]
        ).active = False
        request = self._request()
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.review_ids)

    def test_systray_names_documents_in_the_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.sales_manager.lang = "zh_CN"
        self._request()
        # As the web client calls it: in the user's language.
        rows = (
            self.env["res.users"]
            .with_user(self.sales_manager)
            .with_context(lang="zh_CN")
            .review_user_count()
        )
        row = next(row for row in rows if row["model"] == "customer.archive.access.request")
        self.assertEqual(row["pending_count"], 1)
        self.assertEqual(
            row["name"],
            self.env["ir.model"].with_context(lang="zh_CN")._get(row["model"]).name,
        )

    def test_approval_tiers_menu(self):
        menu = self.env.ref("customer_archive.tier_definition_menu")
        self.assertEqual(
            menu.parent_id, self.env.ref("customer_archive.menu_sales_ledger_configuration")
        )
        self.assertIn(
            "customer.archive.access.request",
            self.env["tier.definition"]._get_tier_validation_model_names(),
        )

    def test_portal_reads_no_review(self):
        request = self._request()
        portal = new_test_user(self.env, "ca_portal", groups="base.group_portal")
        self.assertFalse(self.env["tier.review"].with_user(portal).search([]))
        with self.assertRaises(AccessError):
            request.review_ids.with_user(portal).read(["comment"])
        self.assertFalse(self.env["tier.definition"].with_user(portal).search([]))
