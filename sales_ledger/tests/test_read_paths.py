from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestUnassignedContracts(SalesLedgerCommon):
    """A contract without salesperson is read by every salesperson and changed by those
    who see all; the customer's contract count counts what the user may read."""

    def test_contract_without_salesperson_is_read_not_changed_by_salespeople(self):
        contract = self._create_contract(user_id=False)
        own = self._create_contract()
        dispute = self.env["sales.contract.dispute"].create(
            {"name": "交货延迟", "contract_id": contract.id, "cause": "物流"}
        )
        as_salesman = contract.with_user(self.salesman)
        self.assertEqual(as_salesman.title, "设备供货合同")
        self.assertEqual(dispute.with_user(self.salesman).cause, "物流")
        with self.assertRaises(AccessError):
            as_salesman.write({"title": "改名"})
        with self.assertRaises(AccessError):
            dispute.with_user(self.salesman).write({"handling": "已处理"})
        with self.assertRaises(AccessError):
            self.env["sales.contract.dispute"].with_user(self.salesman).create(
                {"name": "质量问题", "contract_id": contract.id, "cause": "破损"}
            )
        own.with_user(self.salesman).write({"title": "本人合同"})
        self.env["sales.contract.dispute"].with_user(self.salesman).create(
            {"name": "质量问题", "contract_id": own.id, "cause": "破损"}
        )
        for user in (self.sales_manager, self.contract_admin):
            contract.with_user(user).write({"title": "设备供货合同（补）"})
            dispute.with_user(user).write({"handling": "已协商"})

    def test_contract_count_counts_the_readable_contracts(self):
        self._create_contract()
        self._create_contract(user=self.salesman_2)
        self._create_contract(user=self.salesman_2)
        self.assertEqual(self.customer.sales_contract_count, 3)
        self.assertEqual(self.customer.with_user(self.salesman).sales_contract_count, 1)
        self.assertEqual(self.customer.with_user(self.salesman_2).sales_contract_count, 2)
        self.assertEqual(self.customer.with_user(self.finance).sales_contract_count, 0)
        self.assertEqual(self.customer.with_user(self.contract_admin).sales_contract_count, 3)
