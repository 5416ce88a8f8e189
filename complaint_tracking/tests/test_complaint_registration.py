from datetime import timedelta

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintRegistration(ComplaintCommon):
    """Regulation 004: first contact in 24 hours, a complete complaint form, the sales manager."""

    def test_registration_refused_with_each_item_missing(self):
        for field, empty in (
            ("occurred_at", False),
            ("fault_party", " "),
            ("work_order_ref", False),
            ("customer_demand", ""),
            ("description", "."),
        ):
            with self.subTest(field=field):
                complaint = self._create_complaint(**{field: empty})
                label = complaint._fields[field]._description_string(self.env)
                with self.assertRaisesRegex(UserError, label):
                    complaint.with_user(self.cs_user).action_investigate()
                self.assertEqual(complaint.state, "new")
                self.assertFalse(complaint.registered_at)
                # Resolving straight away registers too: the same form is required.
                complaint.write({"root_cause": "受潮", "measures": "补发"})
                with self.assertRaisesRegex(UserError, label):
                    complaint.action_resolve()
                self.assertEqual(complaint.state, "new")

    def test_occurrence_in_the_future_is_refused(self):
        complaint = self._create_complaint(occurred_at=self.env.cr.now() + timedelta(days=2))
        with self.assertRaisesRegex(UserError, "future"):
            complaint.action_investigate()

    def test_registration_reports_to_the_sales_manager(self):
        complaint = self._create_complaint()
        self.assertEqual(complaint._get_sales_manager(), self.sales_manager)
        complaint.with_user(self.cs_user).action_acknowledge()
        complaint.with_user(self.cs_user).action_investigate()
        self.assertEqual(complaint.state, "investigating")
        self.assertTrue(complaint.registered_at)
        report = complaint.message_ids.filtered(
            lambda m: self.sales_manager.partner_id in m.partner_ids
        )
        self.assertEqual(len(report), 1)
        self.assertIn(self.sales_manager.name, report.body)

    def test_first_contact_needs_method_and_handling_plan(self):
        for values in ({"first_contact_method": False}, {"handling_plan": "  "}):
            with self.subTest(values=values):
                complaint = self._create_complaint(**values)
                with self.assertRaisesRegex(UserError, "handling plan"):
                    complaint.with_user(self.cs_user).action_acknowledge()
                self.assertEqual(complaint.state, "new")
        complaint = self._create_complaint(handling_plan="明天上午补发 30 箱")
        self.env.cr.precommit.run()  # the complaint was received in an earlier transaction
        complaint.with_user(self.cs_user).action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        # The plan goes to the customer with the acknowledgement e-mail.
        self.env.flush_all()
        self.env.cr.precommit.run()
        complaint.invalidate_recordset(["message_ids"])
        sent = complaint.message_ids.filtered(lambda m: m.subject and complaint.name in m.subject)
        self.assertEqual(len(sent), 1)
        self.assertIn("明天上午补发 30 箱", sent.body)
        self.assertIn(self.customer, sent.partner_ids)
        # The first contact is a fact once recorded.
        with self.assertRaises(AccessError):
            complaint.with_user(self.cs_user).first_contact_method = "email"

    def test_manual_escalation_with_reason(self):
        complaint = self._create_complaint()
        action = complaint.with_user(self.salesman).action_escalate()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({"reason": "客户要求赔偿超出本人权限"})
        )
        wizard.action_escalate()
        self.assertTrue(complaint.escalated_at)
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = complaint.activity_ids.filtered(lambda a: a.activity_type_id == todo)
        self.assertEqual(activities.user_id, self.cs_manager | self.sales_manager)
        self.assertIn("客户要求赔偿超出本人权限", activities[0].note)
        message = complaint.message_ids[0]
        self.assertIn("客户要求赔偿超出本人权限", message.body)
        self.assertEqual(message.partner_ids, (self.cs_manager | self.sales_manager).partner_id)
        closed = self._create_complaint()
        closed.action_cancel()
        with self.assertRaises(UserError):
            closed.action_escalate()

    def test_complaint_itself_is_tracked(self):
        complaint = self._create_complaint(compensation="补发")
        self.env.cr.precommit.run()
        complaint.write(
            {
                "description": "纸板受潮,箱体塌陷,共 40 箱无法使用。",
                "customer_demand": "补发并赔偿运费。",
                "compensation": "补发并承担运费",
            }
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = complaint.message_ids.tracking_value_ids.field_id.mapped("name")
        for field in ("description", "customer_demand", "compensation"):
            self.assertIn(field, tracked)

    def test_confirmation_is_the_workflows(self):
        complaint = self._create_complaint(root_cause="受潮", measures="补发")
        complaint.action_resolve()
        for values in (
            {"customer_confirmed": True},
            {"confirmation_channel": "portal"},
            {"customer_confirmed_at": self.env.cr.now()},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                complaint.with_user(self.cs_user).write(values)
        self.assertFalse(complaint.customer_confirmed)


@tagged("post_install", "-at_install")
class TestComplaintPortalConfirmation(ComplaintCommon, HttpCase):
    def _resolved(self):
        complaint = self._create_complaint(root_cause="仓储受潮", measures="补发并更换防潮包装")
        complaint.action_resolve()
        self.category.visit_required = False
        return complaint

    def test_customer_confirms_in_the_portal_and_closes_the_loop(self):
        complaint = self._resolved()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open(f"/my/complaints/{complaint.id}")
        self.assertIn("o_complaint_confirm_button", page.text)
        response = self.url_open(
            f"/my/complaints/{complaint.id}/confirm",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(complaint.state, "closed")
        self.assertEqual(complaint.confirmation_channel, "portal")
        confirmation = complaint.message_ids.filtered(lambda m: "portal" in m.body)
        self.assertEqual(confirmation.author_id, self.customer_contact)
        self.assertIn("o_complaint_confirmed", self.url_open(f"/my/complaints/{complaint.id}").text)

    def test_confirmation_by_link_needs_the_right_token(self):
        complaint = self._resolved()
        token = complaint._portal_ensure_token()
        self.authenticate(None, None)
        url = f"/my/complaints/{complaint.id}/confirm"
        csrf = http.Request.csrf_token(self)
        self.url_open(url, data={"access_token": "wrong", "csrf_token": csrf})
        self.env.invalidate_all()
        self.assertFalse(complaint.customer_confirmed)
        self.url_open(url, data={"access_token": token, "csrf_token": csrf})
        self.env.invalidate_all()
        self.assertTrue(complaint.customer_confirmed)
        self.assertEqual(complaint.state, "closed")
        # Recorded in the customer's name, saying that it came through the e-mailed link.
        confirmation = complaint.message_ids.filtered(lambda m: m.author_id == self.customer)
        self.assertEqual(len(confirmation), 1)
        self.assertRegex(confirmation.body, "link|链接")

    def test_other_customer_cannot_confirm(self):
        complaint = self._create_complaint(
            partner_id=self.other_customer.id, root_cause="受潮", measures="补发"
        )
        complaint.action_resolve()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        self.url_open(
            f"/my/complaints/{complaint.id}/confirm",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.env.invalidate_all()
        self.assertFalse(complaint.customer_confirmed)
        self.assertEqual(complaint.state, "resolved")
