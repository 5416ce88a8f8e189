from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestRetentionPolicy(RetentionCommon):
    def test_due_at_boundary_date(self):
        """Due when date + period is before today; on the day it reaches today it is not."""
        policy = self._create_policy()
        due = self._create_leads(1, self.cutoff - relativedelta(days=1))
        boundary = self._create_leads(1, self.cutoff)
        recent = self._create_leads(1, self.today)
        undated = self._create_leads(1, False)
        request = policy.action_run_sweep()
        self.assertEqual(request.line_ids.mapped("res_id"), due.ids)
        self.assertEqual(request.line_ids.name, due.display_name)
        self.assertEqual(request.reference_date, self.today)
        listed = request.line_ids.mapped("res_id")
        for lead in boundary | recent | undated:
            self.assertNotIn(lead.id, listed)
        # a second sweep does not list the same records again
        self.assertFalse(policy.action_run_sweep())
        # the next day the boundary record is due
        tomorrow = policy._run_sweep(self.today + relativedelta(days=1))
        self.assertEqual(tomorrow.line_ids.mapped("res_id"), boundary.ids)

    def test_due_in_months_and_on_datetime_field(self):
        policy = self._create_policy(period_value=18, period_unit="months")
        cutoff = self.today - relativedelta(months=18)
        due = self._create_leads(2, cutoff - relativedelta(days=1))
        self._create_leads(1, cutoff)
        self.assertEqual(policy.action_run_sweep().line_ids.mapped("res_id"), due.ids)

        policy = self._create_partner_policy(period_value=1, period_unit="days")
        partners = self._create_partners(2)
        self.assertFalse(policy.action_run_sweep(), "records created today are not due")
        later = policy._run_sweep(self.today + relativedelta(days=2))
        self.assertEqual(later.line_ids.mapped("res_id"), partners.ids)

    def test_domain_filters_due_records(self):
        policy = self._create_policy(
            domain=f"[('tag_ids', 'in', [{self.crm_tag.id}]), ('type', '=', 'lead')]"
        )
        date = self.cutoff - relativedelta(days=1)
        leads = self._create_leads(2, date, type="lead")
        self._create_leads(2, date)
        self.assertEqual(policy.action_run_sweep().line_ids.mapped("res_id"), leads.ids)

    def test_hold_on_record_and_on_customer_skipped(self):
        """Holds on one lead, and on a customer: the leads of the customer and of its
        contacts (found through their partner_id) are kept."""
        policy = self._create_policy()
        customer = self.env["res.partner"].create({"name": "华东贸易有限公司", "is_company": True})
        contact = self.env["res.partner"].create({"name": "王经理", "parent_id": customer.id})
        other = self.env["res.partner"].create({"name": "Other customer", "is_company": True})
        date = self.cutoff - relativedelta(years=1)
        held, free, free_other = self._create_leads(3, date)
        free_other.partner_id = other
        of_customer = self._create_leads(1, date, partner_id=customer.id)
        of_contact = self._create_leads(1, date, partner_id=contact.id)
        Hold = self.env["archive.legal.hold"].with_user(self.archivist)
        Hold.create({"res_model": "crm.lead", "res_id": held.id, "reason": "Lawsuit"})
        Hold.create({"partner_id": contact.id, "reason": "Tax audit"})
        counts = policy._preview_counts()[policy.id]
        self.assertEqual(counts.pop("reasons"), {"Under legal hold": 3})
        self.assertEqual(
            counts,
            {"matching": 5, "on_hold": 3, "protected": 0, "already_requested": 0, "due": 2},
        )
        request = policy.action_run_sweep()
        self.assertEqual(request.line_ids.mapped("res_id"), (free | free_other).ids)
        for lead in held | of_customer | of_contact:
            self.assertNotIn(lead.id, request.line_ids.mapped("res_id"))

    def test_hold_on_customer_keeps_its_partner_records(self):
        policy = self._create_partner_policy()
        company = self._create_partners(1, is_company=True)
        contact = self._create_partners(1, parent_id=company.id)
        free = self._create_partners(1)
        self.env["archive.legal.hold"].with_user(self.archivist).create(
            {"partner_id": company.id, "reason": "Dispute"}
        )
        request = policy._run_sweep(self.today + relativedelta(years=2))
        self.assertEqual(request.line_ids.mapped("res_id"), free.ids)
        self.assertNotIn(contact.id, request.line_ids.mapped("res_id"))

    def test_lifted_hold_no_longer_protects(self):
        policy = self._create_policy()
        lead = self._create_leads(1, self.cutoff - relativedelta(days=1))
        hold = (
            self.env["archive.legal.hold"]
            .with_user(self.archivist)
            .create({"record_ref": f"crm.lead,{lead.id}", "reason": "Lawsuit"})
        )
        self.assertEqual((hold.res_model, hold.res_id), ("crm.lead", lead.id))
        self.assertEqual(hold.display_name, lead.display_name)
        self.assertFalse(policy.action_run_sweep())
        self.env["archive.legal.hold.release"].with_user(self.archivist).create(
            {"hold_ids": hold.ids, "reason": "Lawsuit settled"}
        ).action_release()
        self.assertEqual(policy.action_run_sweep().line_ids.mapped("res_id"), lead.ids)

    def test_partners_of_users_and_companies_protected(self):
        policy = self._create_partner_policy()
        self.salesman.partner_id.category_id = self.partner_tag
        self.env.company.partner_id.category_id = self.partner_tag
        customer = self._create_partners(1)
        later = self.today + relativedelta(years=30)
        self.assertEqual(policy._preview_counts(later)[policy.id]["protected"], 2)
        self.assertEqual(policy._run_sweep(later).line_ids.mapped("res_id"), customer.ids)

    def test_only_models_that_opted_in_are_targets(self):
        """Allow-list: a model is a target only if it opted in (retention.target.mixin)."""
        for model in (
            "account.move",
            "account.move.line",
            "account.account",
            "account.payment.term",
            "res.users",
            "res.users.apikeys",
            "res.company",
            "res.groups",
            "res.currency",
            "res.partner.bank",
            "mail.message",
            "ir.attachment",
            "archive.destruction.log",
        ):
            with self.subTest(model=model), self.assertRaises(ValidationError):
                self._create_policy(
                    model_id=self.env["ir.model"]._get(model).id,
                    date_field_id=self._field(model, "create_date").id,
                    domain="[]",
                )
        targets = self.env["archive.retention.policy"]._retention_target_models()
        self.assertIn("crm.lead", targets)
        self.assertIn("customer.archive.communication", targets)
        self.assertNotIn("res.groups", targets)
        self.assertNotIn("account.move", targets)
        self.assertNotIn("retention.target.mixin", targets)
        # the form offers only them
        domain = self.Policy._fields["model_id"].get_domain_list(self.Policy)
        self.assertEqual(sorted(self.env["ir.model"].search(domain).mapped("model")), targets)

    def test_only_the_actions_and_fields_the_model_allows(self):
        communication = "customer.archive.communication"
        with self.assertRaisesRegex(ValidationError, "allows only"):
            self._create_policy(
                model_id=self.env["ir.model"]._get(communication).id,
                date_field_id=self._field(communication, "customer_closed_date").id,
                domain="[]",
                action="archive",
            )
        # a field the model does not list for anonymization
        with self.assertRaises(ValidationError):
            self._create_policy(
                action="anonymize",
                anonymize_field_ids=[(6, 0, self._field("crm.lead", "name").ids)],
            )
        self._create_policy(
            action="anonymize",
            anonymize_field_ids=[(6, 0, self._field("crm.lead", "email_from").ids)],
        )

    def test_invalid_configurations_refused(self):
        with self.assertRaises(ValidationError):
            self._create_policy(date_field_id=self._field("crm.lead", "name").id)
        with self.assertRaises(ValidationError):
            self._create_policy(date_field_id=self._field("res.partner", "create_date").id)
        with self.assertRaises(ValidationError):
            self._create_policy(action="anonymize")
        with self.assertRaises(ValidationError):
            self._create_policy(
                action="anonymize",
                anonymize_field_ids=[(6, 0, self._field("crm.lead", "create_uid").ids)],
            )
        with self.assertRaises(ValidationError):
            self._create_policy(domain="[('no_such_field', '=', 1)]")
        with self.assertRaises(ValidationError):
            self._create_policy(approval_steps=3)

    def test_preview_is_a_dry_run(self):
        policy = self._create_policy()
        self._create_leads(3, self.cutoff - relativedelta(days=1))
        action = policy.action_preview()
        preview = self.env[action["res_model"]].browse(action["res_id"])
        self.assertRecordValues(preview.line_ids, [{"policy_id": policy.id, "due": 3}])
        self.assertFalse(policy.request_ids)
        self.assertEqual(
            self.env["crm.lead"].search_count([("tag_ids", "in", self.crm_tag.ids)]), 3
        )

    def test_cron_sweeps_active_policies_only(self):
        policy = self._create_policy()
        inactive = self._create_policy(name="Inactive", active=False, period_value=1)
        # the cron counts days in UTC, the test user in his time zone: in the evening
        # (UTC) their dates differ by one, so the leads are two days past the cutoff
        self._create_leads(2, self.cutoff - relativedelta(days=2))
        self.env.ref("record_retention.ir_cron_archive_retention_sweep").method_direct_trigger()
        self.assertEqual(policy.request_ids.line_count, 2)
        self.assertFalse(inactive.request_ids)
        self.assertEqual(policy.request_ids.activity_ids.user_id, self.archivist)

    def test_cron_sweeps_one_policy_per_call_and_survives_a_broken_one(self):
        broken = self._create_policy(name="Broken", sequence=1)
        policy = self._create_policy(name="Sound", sequence=2)
        self._create_leads(2, self.cutoff - relativedelta(days=2))
        Policy = type(self.env["archive.retention.policy"])
        run_sweep = Policy._run_sweep

        def failing_sweep(policies, today=None):
            if broken in policies:
                broken.sudo().write({"name": "Broken (changed before failing)"})
                raise ValueError("a broken filter")
            return run_sweep(policies, today)

        cron = self.env.ref("record_retention.ir_cron_archive_retention_sweep")
        cron, progress = cron._add_progress()
        Cron = self.env["archive.retention.policy"].with_context(**cron.env.context)
        logger = "odoo.addons.record_retention.models.archive_retention_policy"
        with patch.object(Policy, "_run_sweep", failing_sweep), self.assertLogs(logger, "ERROR"):
            Cron._cron_sweep()
        # one policy per call: the broken one, rolled back and reported
        self.assertEqual((progress.done, progress.remaining), (1, 1))
        self.assertEqual(broken.name, "Broken")
        self.assertTrue(broken.last_sweep_date)
        self.assertIn("a broken filter", broken.message_ids[0].body)
        self.assertFalse(policy.request_ids)
        with patch.object(Policy, "_run_sweep", failing_sweep):
            Cron._cron_sweep()
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertEqual(policy.request_ids.line_count, 2)
        # swept today: the next call has nothing left
        Cron._cron_sweep()
        self.assertEqual((progress.done, progress.remaining), (0, 0))
        self.assertEqual(len(policy.request_ids), 1)

    def test_only_archive_administrators_manage(self):
        policy = self._create_policy()
        for model in (
            "archive.retention.policy",
            "archive.legal.hold",
            "archive.destruction.request",
            "archive.destruction.log",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.salesman).search([])
        with self.assertRaises(AccessError):
            policy.with_user(self.salesman).action_run_sweep()
        with self.assertRaises(AccessError):
            self.env["archive.legal.hold"].with_user(self.salesman).create(
                {"partner_id": self.salesman.partner_id.id, "reason": "No right"}
            )
        with self.assertRaises(AccessError):
            self.env["archive.destruction.log"].with_user(self.archivist).create(
                {"request_id": False}
            )

    def test_policy_of_a_company_sweeps_its_records_and_shared_ones(self):
        company_b = self.env["res.company"].create({"name": "Retention Company B"})
        policy = self._create_policy()
        policy.sudo().company_id = company_b
        date = self.cutoff - relativedelta(days=1)
        lead_a = self._create_leads(1, date, company_id=self.env.company.id)
        lead_b = self._create_leads(1, date, company_id=company_b.id)
        shared = self._create_leads(1, date, company_id=False)
        request = policy.sudo()._run_sweep()
        self.assertEqual(request.company_id, company_b)
        self.assertEqual(sorted(request.line_ids.mapped("res_id")), sorted((lead_b | shared).ids))
        self.assertNotIn(lead_a.id, request.line_ids.mapped("res_id"))
        # the archive administrator of the first company does not see it
        self.assertFalse(
            self.env["archive.destruction.request"]
            .with_user(self.archivist)
            .search([("id", "=", request.id)])
        )

    def test_policy_of_all_companies_makes_one_request_per_company(self):
        company_b = self.env["res.company"].create({"name": "Retention Company C"})
        policy = self._create_policy(company_id=False)
        date = self.cutoff - relativedelta(days=1)
        lead_a = self._create_leads(1, date, company_id=self.env.company.id)
        lead_b = self._create_leads(1, date, company_id=company_b.id)
        requests = policy.sudo()._run_sweep()
        self.assertEqual(len(requests), 2)
        for lead in lead_a | lead_b:
            request = requests.filtered(lambda r, lead=lead: r.company_id == lead.company_id)
            self.assertEqual(request.line_ids.mapped("res_id"), lead.ids)
            # the scheduled sweep requests for the policy's responsible
            self.assertEqual(request.user_id, self.archivist)

    def test_run_sweep_button(self):
        policy = self._create_policy()
        self.assertEqual(policy.action_open_sweep()["tag"], "display_notification")
        self._create_leads(1, self.cutoff - relativedelta(days=1))
        action = policy.action_open_sweep()
        self.assertEqual(action["res_model"], "archive.destruction.request")
        self.assertEqual(action["res_id"], policy.request_ids.id)
