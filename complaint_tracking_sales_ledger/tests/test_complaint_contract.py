from odoo import fields
from odoo.exceptions import AccessError, ValidationError
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
        with form:
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


@tagged("post_install", "-at_install")
class TestComplaintLinksForCustomerService(SalesLedgerCommon):
    """Customer service (and nothing more) links a complaint to the customer's order,
    invoice and contract: it reads those of customers who complained, no one else's."""

    def test_customer_service_reads_the_complaining_customers_documents_only(self):
        cs_user = new_test_user(
            self.env,
            "ctsl_cs_only",
            groups="complaint_tracking.group_complaint_user",
            company_id=self.env.company.id,
        )
        contract, other_contract = (
            self._approved_contract(),
            self._approved_contract(partner=self.other_customer),
        )
        order = self._create_order(contract_id=contract.id)
        other_order = self._create_order(partner=self.other_customer)
        invoice = self._invoice(fields.Date.today())
        other_invoice = self._invoice(fields.Date.today(), partner=self.other_customer)
        category = self.env["customer.complaint.category"].sudo().create({"name": "交付"})
        with Form(self.env["customer.complaint"].with_user(cs_user)) as form:
            form.partner_id = self.customer
            form.category_id = category
            form.description = "设备到货破损"
            # the customer's documents are offered once the complaint exists
            self.assertTrue(form._get_modifier("sale_order_id", "readonly"))
        with form:
            form.sale_order_id = order
            form.invoice_id = invoice
            self.assertEqual(form.contract_id, contract)
        complaint = form.save()
        self.assertEqual(complaint.contract_id, contract)
        for record in (order, invoice, contract):
            record.with_user(cs_user).read(["display_name", "partner_id"])
        for record in (other_order, other_invoice, other_contract):
            with self.assertRaises(AccessError):
                record.with_user(cs_user).read(["display_name"])
        with self.assertRaises(AccessError):
            order.with_user(cs_user).write({"client_order_ref": "改"})
        # nor can a complaint name another customer's documents, even over RPC
        for field, record in (
            ("sale_order_id", other_order),
            ("invoice_id", other_invoice),
            ("contract_id", other_contract),
        ):
            with self.assertRaisesRegex(ValidationError, "not a document of"):
                complaint.with_user(cs_user).write({field: record.id})
