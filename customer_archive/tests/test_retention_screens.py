from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_retention import RetentionCommon


@tagged("post_install", "-at_install")
class TestRetentionScreens(RetentionCommon):
    """What an archivist sees: holds on governed document types only, released with a date
    and a reason, a dry run of every policy as a table, document types in his language."""

    def test_hold_picker_offers_governed_document_types_only(self):
        Hold = self.env["archive.legal.hold"].with_user(self.archivist)
        before = dict(Hold._selection_record_model())
        self.assertNotIn("crm.lead", before)
        self.assertNotIn("ir.ui.view", before)
        self.assertIn("customer.archive.communication", before)
        self._create_policy(active=False)
        self.assertIn("crm.lead", dict(Hold._selection_record_model()))
        with self.assertRaisesRegex(ValidationError, "retention policy"):
            Hold.create({"res_model": "res.country", "res_id": 1, "reason": "Typo"})

    def test_hold_released_with_date_and_reason(self):
        self._create_policy()
        lead = self._create_leads(1, self.cutoff - relativedelta(days=1))
        hold = (
            self.env["archive.legal.hold"]
            .with_user(self.archivist)
            .create({"record_ref": lead, "reason": "Lawsuit"})
        )
        action = hold.action_open_release()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.archivist)
            .with_context(**action["context"])
        ) as form:
            form.date = self.today - relativedelta(days=2)
            form.reason = "Judgment of 2026-11-30"
        form.record.action_release()
        self.assertRecordValues(
            hold,
            [
                {
                    "active": False,
                    "release_date": self.today - relativedelta(days=2),
                    "release_reason": "Judgment of 2026-11-30",
                    "released_by_id": self.archivist.id,
                }
            ],
        )
        hold.action_unarchive()
        self.assertRecordValues(
            hold, [{"active": True, "release_reason": False, "released_by_id": False}]
        )
        with self.assertRaisesRegex(ValidationError, "reason"):
            hold.action_archive()

    def test_preview_all_is_a_table_to_sweep_from(self):
        due_policy = self._create_policy(name="Old leads")
        self._create_partner_policy(name="Old contacts")
        held, due = self._create_leads(2, self.cutoff - relativedelta(days=1))
        self.env["archive.legal.hold"].with_user(self.archivist).create(
            {"record_ref": held, "reason": "Lawsuit"}
        )
        Policy = self.env["archive.retention.policy"].with_user(self.archivist)
        # nothing selected: every active policy
        action = Policy.browse().action_preview()
        preview = self.env[action["res_model"]].with_user(self.archivist).browse(action["res_id"])
        self.assertEqual(preview.line_ids.policy_id, Policy.search([]))
        line = preview.line_ids.filtered(lambda line: line.policy_id == due_policy)
        self.assertRecordValues(line, [{"matching": 2, "on_hold": 1, "due": 1}])
        self.assertIn("1", line.reasons)
        self.assertFalse(due_policy.request_ids)
        preview.action_run_sweep()
        self.assertEqual(due_policy.request_ids.line_ids.mapped("res_id"), due.ids)

    def test_log_names_the_document_type_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        policy = self._create_policy(action="archive")
        self._create_leads(1, self.cutoff - relativedelta(days=1))
        request = policy.with_user(self.archivist).action_run_sweep()
        request.action_submit()
        self._approve(request)
        request.action_execute()
        log = request.log_ids.with_user(self.archivist)
        self.assertEqual(log.model_description, self.lead_model.name)
        chinese = self.lead_model.with_context(lang="zh_CN").name
        self.assertEqual(log.with_context(lang="zh_CN").model_description, chinese)
        self.assertNotEqual(chinese, "crm.lead")
