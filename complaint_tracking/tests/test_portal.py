import json

from odoo import Command, http
from odoo.tests import HttpCase, tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintPortal(ComplaintCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_complaint(description="我们的投诉")
        cls.foreign = cls._create_complaint(
            partner_id=cls.other_customer.id, description="别人的投诉"
        )

    def test_portal_lists_own_complaints_only(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open("/my/complaints")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own.name, response.text)
        self.assertNotIn(self.foreign.name, response.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/complaints", home.text)

    def test_home_counts_resolutions_to_confirm(self):
        self.own.write(
            {
                "description": "纸板受潮,箱体塌陷,共 30 箱无法使用。",
                "root_cause": "仓储受潮",
                "measures": "补发并更换防潮包装",
            }
        )
        self.own.action_acknowledge()
        self.own.action_investigate()
        self.own.action_resolve()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        home = self.url_open("/my/home").text
        self.assertIn("complaint_to_confirm_count", home)
        self.assertIn("/complaint_tracking/static/src/img/complaint.svg", home)
        response = self.url_open(
            "/my/counters",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"counters": ["complaint_count", "complaint_to_confirm_count"]},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(
            response.json()["result"], {"complaint_count": 1, "complaint_to_confirm_count": 1}
        )

    def test_customer_service_starts_from_the_home_menu(self):
        self.start_tour("/odoo", "complaint_tracking_service_menu_tour", login="ct_cs_user")
        self.assertRecordValues(
            self.own,
            [
                {
                    "state": "acknowledged",
                    "first_contact_method": "phone",
                    "handling_plan": "三个工作日内上门更换破损纸箱",
                }
            ],
        )

    def test_portal_detail_of_other_customer_is_not_found(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open(f"/my/complaints/{self.own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("我们的投诉", response.text)
        response = self.url_open(f"/my/complaints/{self.foreign.id}")
        self.assertNotIn("别人的投诉", response.text)
        self.assertTrue(response.url.endswith("/my"), response.url)
        response = self.url_open(f"/my/complaints/{self.foreign.id}?report_type=html")
        self.assertNotIn("别人的投诉", response.text)

    def test_portal_pdf_is_the_customers_copy(self):
        self.own.write(
            {
                "root_cause": "仓库员工违规堆放",
                "compensation": "赔偿运费500元",
                "fault_party": "仓储部张三",
                "customer_demand": "换货",
            }
        )
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open(f"/my/complaints/{self.own.id}?report_type=html")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("我们的投诉", html)
        self.assertIn("换货", html)
        for internal in ("仓库员工违规堆放", "赔偿运费500元", "仓储部张三"):
            self.assertNotIn(internal, html)
        # The internal form keeps them for the company's own file.
        report = self.env.ref("complaint_tracking.action_report_customer_complaint")
        html = report._render_qweb_html(report, self.own.ids)[0].decode()
        self.assertIn("仓库员工违规堆放", html)

    def test_access_token_opens_the_complaint(self):
        token = self.foreign._portal_ensure_token()
        response = self.url_open(f"/my/complaints/{self.foreign.id}?access_token={token}")
        self.assertIn("别人的投诉", response.text)
        response = self.url_open(f"/my/complaints/{self.foreign.id}?access_token=wrong")
        self.assertNotIn("别人的投诉", response.text)

    def test_portal_customer_files_a_complaint(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        form = self.url_open("/my/complaints/new")
        self.assertEqual(form.status_code, 200)
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "category_id": str(self.category.id),
                "description": "收到的纸箱有水渍",
                "customer_demand": "换货",
            },
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([("description", "=", "收到的纸箱有水渍")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.contact_id, self.customer_contact)
        self.assertEqual(complaint.user_id, self.salesman)
        self.assertEqual(complaint.category_id, self.category)
        self.assertIn(complaint.name, response.text)
        self.assertEqual(
            self.Complaint.with_user(self.portal_user).search([("id", "=", complaint.id)]),
            complaint,
        )

    def test_complaint_with_invoice_and_photos_is_confirmed(self):
        invoice = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "invoice_line_ids": [
                        Command.create({"name": "纸箱", "quantity": 10, "price_unit": 12.5})
                    ],
                }
            )
        )
        invoice.action_post()
        self.authenticate(self.portal_user.login, self.portal_user.login)
        form = self.url_open("/my/complaints/new")
        self.assertIn(invoice.name, form.text)
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "description": "纸箱破损，见照片",
                "invoice_id": str(invoice.id),
            },
            files=[
                ("attachments", ("破损1.jpg", b"\xff\xd8\xff photo 1", "image/jpeg")),
                ("attachments", ("送货单.pdf", b"%PDF-1.4 delivery note", "application/pdf")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([("description", "=", "纸箱破损，见照片")])
        self.assertEqual(complaint.invoice_id, invoice)
        self.assertIn("o_complaint_registered", response.text)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "customer.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(sorted(attachments.mapped("name")), ["破损1.jpg", "送货单.pdf"])
        message = complaint.sudo().message_ids.filtered("attachment_ids")
        self.assertEqual(message.attachment_ids, attachments)
        self.assertEqual(message.author_id, self.customer_contact)
        # not an internal note: the customer sees them in the history of his complaint
        self.assertFalse(message.subtype_id.internal)

    def test_too_many_files_are_refused(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        count = self.Complaint.search_count([])
        response = self.url_open(
            "/my/complaints/new",
            data={"csrf_token": http.Request.csrf_token(self), "description": "照片太多"},
            files=[("attachments", (f"{index}.jpg", b"x", "image/jpeg")) for index in range(6)],
        )
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.Complaint.search_count([]), count)

    def test_empty_description_is_refused(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        count = self.Complaint.search_count([])
        response = self.url_open(
            "/my/complaints/new",
            data={"csrf_token": http.Request.csrf_token(self), "description": " "},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.Complaint.search_count([]), count)

    def test_complaint_tour(self):
        self.category.visit_required = True
        self.start_tour("/my/complaints", "complaint_tracking_portal_tour", login="ct_portal")
        complaint = self.Complaint.search([("description", "=", "纸箱受潮变形,请尽快处理")])
        self.assertEqual(complaint.state, "new")
        self.assertEqual(complaint.channel, "portal")
        # Customer service asks when it happened (the form of regulation 004).
        complaint.occurred_at = complaint.received_at
        self.start_tour(
            f"/odoo/action-complaint_tracking.customer_complaint_action/{complaint.id}",
            "complaint_tracking_backend_tour",
            login="ct_cs_user",
        )
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.acknowledged_at)
        self.assertEqual(complaint.fault_party, "仓储部")
        self.assertEqual(complaint.first_contact_method, "phone")
        self.assertEqual(len(complaint.visit_ids), 1)
