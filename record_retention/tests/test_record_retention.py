from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRecordRetention(TransactionCase):
    """The engine on its own: only models that opted in, the retention administrators'
    group, a read-only log; what customer_archive and the other add-ons do with it is
    tested there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "rr_manager", groups="record_retention.group_retention_manager"
        )
        cls.user = new_test_user(cls.env, "rr_user", groups="base.group_user")
        cls.Policy = cls.env["archive.retention.policy"].with_user(cls.manager)
        cls.Request = cls.env["archive.destruction.request"].with_user(cls.manager)

    def test_only_models_that_opted_in(self):
        targets = self.Policy._retention_target_models()
        for name in ("retention.target.mixin", "res.groups", "res.users", "ir.attachment"):
            self.assertNotIn(name, targets)
        groups = self.env["ir.model"]._get("res.groups")
        date_field = self.env["ir.model.fields"]._get("res.groups", "create_date")
        with self.assertRaises(ValidationError):
            self.Policy.create(
                {
                    "name": "Groups",
                    "model_id": groups.id,
                    "date_field_id": date_field.id,
                    "action": "delete",
                }
            )
        with self.assertRaises(ValidationError):
            self.Request.create({"target_model_id": groups.id, "action": "delete"})

    def test_retention_administrators_only(self):
        self.assertTrue(self.Policy.has_access("create"))
        self.assertTrue(
            self.env["archive.destruction.log"].with_user(self.manager).has_access("read")
        )
        self.assertFalse(
            self.env["archive.destruction.log"].with_user(self.manager).has_access("write")
        )
        for model in ("archive.retention.policy", "archive.destruction.request"):
            self.assertFalse(self.env[model].with_user(self.user).has_access("read"), model)
