from odoo.tests import Form, new_test_user, tagged

from odoo.addons.sales_ledger.tests.common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestComplaintContract(SalesLedgerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._approved_contract()
        cls.cs_user = new_test_user(
            cls.env,
            "ctsl_cs",
            groups="complaint_tracking.group_complaint_manager,sales_team.group_sale_salesman_all_leads",
            company_id=cls.env.company.id,
        )
        cls.Complaint = cls.env["customer.complaint"].with_user(cls.cs_user)
        cls.category = (
            cls.env["customer.complaint.category"]
            .with_user(cls.cs_user)
            .create({"name": "产品质量"})
        )

    def test_contract_from_the_sales_order(self):
        order = self._create_order(contract_id=self.contract.id)
        with Form(self.Complaint) as form:
            form.partner_id = self.customer
            form.category_id = self.category
            form.description = "交付设备运行异常"
            form.sale_order_id = order
            self.assertEqual(form.contract_id, self.contract)
        complaint = form.save()
        self.assertEqual(complaint.contract_id, self.contract)
        self.assertEqual(self.contract.complaint_count, 1)
        action = self.contract.action_view_complaints()
        self.assertEqual(self.Complaint.search(action["domain"]), complaint)

    def test_count_per_contract(self):
        other = self._approved_contract(amount=500.0)
        self.Complaint.create(
            [
                {
                    "partner_id": self.customer.id,
                    "category_id": self.category.id,
                    "description": f"投诉 {i}",
                    "contract_id": contract.id,
                }
                for i, contract in enumerate((self.contract, self.contract, other))
            ]
        )
        self.assertEqual((self.contract | other).mapped("complaint_count"), [2, 1])
