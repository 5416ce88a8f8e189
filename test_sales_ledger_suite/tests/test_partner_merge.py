"""Odoo's partner merge keeps the customer file: refused with what to do, or the dossier
moves with its communication log; nothing deleted silently, legal holds respected."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartnerMerge(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            "merge_manager",
            # Odoo's merge reads and writes every field of the partners: an administrator
            groups="sales_team.group_sale_manager,account.group_account_invoice,base.group_system,"
            "base.group_partner_manager",
            name="销售经理",
        )
        cls.salesman = new_test_user(
            cls.env, "merge_salesman", groups="sales_team.group_sale_salesman", name="销售员"
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "杭州新华五金有限公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman.id,
                "email": "ap@xinhua.example.com",
            }
        )
        cls.dossier = cls.customer.archive_id
        cls.log = cls.env["customer.archive.communication"].create(
            {"archive_id": cls.dossier.id, "purpose": "年度框架协议洽谈"}
        )
        # the same company entered again, not yet a customer
        cls.duplicate = Partner.create(
            {
                "name": "杭州新华五金有限公司（重复）",
                "is_company": True,
                "email": cls.customer.email,
            }
        )

    def _merge(self, src, dst, user=None):
        wizard = self.env["base.partner.merge.automatic.wizard"].with_user(user or self.manager)
        wizard._merge((src | dst).ids, dst)

    def test_dossier_moves_with_its_log(self):
        self._merge(self.customer, self.duplicate)
        self.assertFalse(self.customer.exists())
        self.assertTrue(self.dossier.exists())
        self.assertEqual(self.dossier.partner_id, self.duplicate)
        self.assertEqual(self.duplicate.archive_id, self.dossier)
        self.assertEqual(self.dossier.user_id, self.salesman)
        self.assertEqual(self.duplicate.customer_code, self.dossier.customer_code)
        self.assertTrue(self.dossier.customer_code)
        self.assertEqual(self.log.archive_id, self.dossier)
        self.assertTrue(
            self.dossier.message_ids.filtered(
                lambda m: "moved with its communication log" in m.body
            )
        )

    def test_both_with_dossier_is_refused_with_what_to_do(self):
        self.duplicate.customer_rank = 1
        self.assertTrue(self.duplicate.archive_id)
        with self.assertRaisesRegex(UserError, "each have a dossier.*Close File"):
            self._merge(self.customer, self.duplicate)
        self.assertTrue(self.customer.exists())
        self.assertEqual(self.log.archive_id.partner_id, self.customer)

    def test_same_period_statements_are_refused(self):
        Statement = self.env["sales.statement"]
        for partner in (self.customer, self.duplicate):
            Statement.create(
                {
                    "partner_id": partner.id,
                    "date_from": "2026-02-01",
                    "date_to": "2026-02-28",
                    "name": f"DZ-{partner.id}",
                }
            )
        with self.assertRaisesRegex(UserError, "statements .* for the same periods"):
            self._merge(self.customer, self.duplicate)
        self.assertEqual(Statement.search_count([("partner_id", "=", self.customer.id)]), 1)

    def test_legal_hold_is_respected(self):
        self.env["archive.legal.hold"].create(
            {"partner_id": self.customer.id, "reason": "合同纠纷诉讼中"}
        )
        with self.assertRaisesRegex(UserError, "legal hold.*合同纠纷诉讼中"):
            self._merge(self.customer, self.duplicate)
        self.assertTrue(self.dossier.exists())

    def test_only_managers_merge_customers(self):
        with self.assertRaises(AccessError):
            self._merge(self.customer, self.duplicate, user=self.salesman)
        self.assertTrue(self.customer.exists())
