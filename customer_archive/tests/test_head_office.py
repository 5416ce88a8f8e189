from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestHeadOffice(CustomerArchiveCase):
    def _company(self, name, **values):
        return self.env["res.partner"].create(
            {"name": name, "is_company": True, "customer_rank": 1, **values}
        )

    def test_branches_are_full_customers(self):
        head = self._company("华东集团总公司")
        branches = self._company("华东集团苏州分公司", head_office_id=head.id) | self._company(
            "华东集团无锡分公司", head_office_id=head.id
        )
        self.assertEqual(head.branch_ids, branches)
        self.assertEqual(head.branch_count, 2)
        for branch in branches:
            self.assertFalse(branch.parent_id, "a branch is not a contact")
            self.assertEqual(branch.commercial_partner_id, branch)
            self.assertTrue(branch.customer_code and branch.archive_id)
            self.assertNotEqual(branch.customer_code, head.customer_code)
            self.assertEqual(branch._customer_group(), head | branches)
        action = head.with_user(self.sales_manager).action_open_branches()
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]), branches, "the head office sees them"
        )

    def test_one_level_of_companies(self):
        head = self._company("总公司")
        branch = self._company("分公司", head_office_id=head.id)
        contact = self.env["res.partner"].create({"name": "联系人", "parent_id": head.id})
        for partner, target in ((head, head), (head, branch), (contact, head)):
            with self.subTest(partner=partner.name, target=target.name):
                with self.assertRaises(ValidationError):
                    partner.head_office_id = target
        with self.assertRaises(ValidationError):
            self._company("孙公司", head_office_id=branch.id)

    def test_head_office_set_by_managers(self):
        head = self._company("总公司")
        with self.assertRaisesRegex(UserError, "change request"):
            self.customer.with_user(self.salesman).head_office_id = head
        self.customer.with_user(self.sales_manager).head_office_id = head
        self.assertEqual(head.branch_ids, self.customer)
