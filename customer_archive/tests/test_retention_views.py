from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestRetentionViews(RetentionCommon):
    def test_policy_form_resets_fields_when_model_changes(self):
        with Form(self.env["archive.retention.policy"].with_user(self.archivist)) as form:
            form.name = "Old leads"
            form.model_id = self.lead_model
            form.date_field_id = self.deadline_field
            form.action = "anonymize"
            form.anonymize_field_ids.add(self._field("crm.lead", "email_from"))
            form.model_id = self.env["ir.model"]._get("res.partner")
            self.assertFalse(form.date_field_id)
            self.assertFalse(form.anonymize_field_ids)
            self.assertEqual(form.domain, "[]")
            form.date_field_id = self._field("res.partner", "create_date")
            form.action = "archive"
        policy = form.record
        self.assertEqual(policy.model_name, "res.partner")
        self.assertEqual(policy.user_id, self.archivist)

    def test_request_form_and_views_of_the_flow(self):
        policy = self._create_policy(action="delete")
        self._create_leads(2, self.cutoff - relativedelta(days=1))
        request = policy.with_user(self.archivist).action_run_sweep()
        form = Form(request)
        self.assertEqual(form.state, "draft")
        self.assertEqual(form.line_count, 2)
        request.action_submit()
        self._approve(request)
        request.action_execute()
        form = Form(request)
        self.assertEqual(form.done_count, 2)
        self.assertEqual(form.export_sha256, request.export_sha256)
        log_form = Form(request.log_ids.with_user(self.archivist))
        self.assertEqual(log_form.done_count, 2)
        action = policy.action_view_requests()
        self.assertEqual(self.env["archive.destruction.request"].search(action["domain"]), request)

    def test_hold_form_on_a_record(self):
        self._create_policy()
        lead = self._create_leads(1, self.today)
        with Form(self.env["archive.legal.hold"].with_user(self.archivist)) as form:
            form.record_ref = lead
            form.reason = "Pending lawsuit"
        hold = form.record
        self.assertEqual((hold.res_model, hold.res_id), ("crm.lead", lead.id))

    def test_menus_for_archive_administrators_only(self):
        menus = [
            self.env.ref(f"customer_archive.{xmlid}")
            for xmlid in (
                "archive_retention_policy_menu",
                "archive_legal_hold_menu",
                "archive_destruction_request_menu",
                "archive_destruction_log_menu",
            )
        ]
        for user, visible in ((self.archivist, True), (self.salesman, False)):
            visible_ids = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for menu in menus:
                self.assertEqual(menu.id in visible_ids, visible, (user.login, menu.name))


@tagged("post_install", "-at_install")
class TestRetentionTour(HttpCase):
    def test_retention_tour(self):
        tag = self.env["crm.tag"].create({"name": "Tour retention"})
        self.env["crm.lead"].create(
            {
                "name": "Tour old lead",
                "date_deadline": fields.Date.today() - relativedelta(years=6),
                "tag_ids": [(4, tag.id)],
            }
        )
        self.env["archive.retention.policy"].create(
            {
                "name": "Tour retention policy",
                "model_id": self.env["ir.model"]._get("crm.lead").id,
                "date_field_id": self.env["ir.model.fields"]._get("crm.lead", "date_deadline").id,
                "period_value": 5,
                "domain": f"[('tag_ids', 'in', [{tag.id}])]",
            }
        )
        # an archive administrator, no other right: the app, the dry run and the request are his
        new_test_user(self.env, "tour_archivist", groups="customer_archive.group_archive_manager")
        self.start_tour("/odoo", "archive_retention_tour", login="tour_archivist")
