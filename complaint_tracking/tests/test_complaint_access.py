from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintAccess(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_complaint()
        cls.foreign = cls._create_complaint(partner_id=cls.other_customer.id)

    def test_salesperson_sees_own_customers_only(self):
        Complaint = self.Complaint.with_user(self.salesman)
        visible = Complaint.search([("id", "in", (self.own | self.foreign).ids)])
        self.assertEqual(visible, self.own)
        self.own.with_user(self.salesman).write({"customer_demand": "退货"})
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.salesman).read(["name"])
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.salesman).write({"customer_demand": "x"})
        with self.assertRaises(AccessError):
            self.own.with_user(self.salesman).unlink()

    def test_salesperson_files_complaint_for_own_customer(self):
        complaint = self.Complaint.with_user(self.salesman).create(
            {"partner_id": self.customer.id, "description": "电话投诉:送货司机态度差"}
        )
        self.assertEqual(complaint.user_id, self.salesman)
        with self.assertRaises(AccessError):
            self.Complaint.with_user(self.salesman).create(
                {"partner_id": self.other_customer.id, "description": "不属于我的客户"}
            )

    def test_customer_service_handles_all_but_cannot_configure(self):
        Complaint = self.Complaint.with_user(self.cs_user)
        self.assertEqual(
            Complaint.search([("id", "in", (self.own | self.foreign).ids)]),
            self.own | self.foreign,
        )
        self.foreign.with_user(self.cs_user).action_acknowledge()
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.cs_user).unlink()
        with self.assertRaises(AccessError):
            self.category.with_user(self.cs_user).write({"name": "改名"})
        with self.assertRaises(AccessError):
            self.env["resource.calendar.workday"].with_user(self.cs_user).create(
                {"calendar_id": self.calendar.id, "date": "2025-09-28", "name": "调休"}
            )

    def test_manager_configures_and_deletes(self):
        self.category.with_user(self.cs_manager).write({"name": "产品质量(测试)"})
        self.env["resource.calendar.workday"].with_user(self.cs_manager).create(
            {"calendar_id": self.calendar.id, "date": "2025-09-28", "name": "国庆调休"}
        )
        self.foreign.with_user(self.cs_manager).unlink()
        self.assertFalse(self.foreign.exists())

    def test_plain_employee_has_no_access(self):
        employee = self.env["res.users"].create(
            {
                "name": "Employee",
                "login": "ct_employee",
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.own.with_user(employee).read(["name"])

    def test_portal_user_reads_own_company_complaints_only(self):
        Complaint = self.Complaint.with_user(self.portal_user)
        self.assertEqual(Complaint.search([]), self.own)
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal_user).write({"description": "改写"})
        with self.assertRaises(AccessError):
            self.env["customer.complaint.visit"].with_user(self.portal_user).search([])

    def test_salesperson_sees_repairs_of_own_customers(self):
        Repair = self.env["customer.complaint.repair"]
        own_repair = Repair.create({"complaint_id": self.own.id, "fault": "破损"})
        foreign_repair = Repair.create({"complaint_id": self.foreign.id, "fault": "破损"})
        visible = Repair.with_user(self.salesman).search(
            [("id", "in", (own_repair | foreign_repair).ids)]
        )
        self.assertEqual(visible, own_repair)
        with self.assertRaises(AccessError):
            own_repair.with_user(self.salesman).write({"fault": "x"})

    def test_ledger_is_for_customer_service(self):
        Report = self.env["customer.complaint.report"]
        self.assertTrue(Report.with_user(self.cs_user).search([("complaint_id", "=", self.own.id)]))
        with self.assertRaises(AccessError):
            Report.with_user(self.salesman).search([])

    def test_other_company_complaints_are_hidden(self):
        branch = self.env["res.company"].create({"name": "北京分公司"})
        complaint = self._create_complaint(company_id=branch.id)
        self.assertTrue(complaint.registration_deadline)
        self.assertFalse(
            self.Complaint.with_user(self.cs_manager).search([("id", "=", complaint.id)])
        )
        with self.assertRaises(AccessError):
            complaint.with_user(self.cs_user).read(["name"])
