from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.customer_archive.tests.common import tier_decide

from .common import ComplaintCommon, shanghai


@tagged("post_install", "-at_install")
class TestServiceRegister(ComplaintCommon):
    """客户服务工作台账: the complaints of a period in the regulation's columns, signed off by
    the customer-service supervisor through the approval engine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "王经理",
                "parent_id": cls.customer.id,
                "phone": "021-5555 0101",
                "email": "wang@xinghe.example.com",
            }
        )
        cls.complaint = cls._create_complaint(
            received_at=shanghai(2025, 6, 6, 10, 0),
            contact_id=cls.contact.id,
            measures="更换防潮包装",
            compensation="补发 30 箱",
        )
        cls.env["customer.complaint.repair"].create(
            {"complaint_id": cls.complaint.id, "fault": "箱体塌陷", "measures": "加固箱体"}
        )
        cls.env["customer.complaint.visit"].create(
            {
                "complaint_id": cls.complaint.id,
                "score_quality": 4,
                "score_response": 5,
                "score_speed": 4,
                "score_attitude": 5,
                "comment": "客户认可处理结果",
            }
        )
        cls.cancelled = cls._create_complaint(received_at=shanghai(2025, 6, 10, 10, 0))
        cls.cancelled.action_cancel()
        cls.july = cls._create_complaint(received_at=shanghai(2025, 7, 1, 9, 0))
        cls.register = cls.env["customer.service.register"].create({"date_from": "2025-06-01"})

    def test_register_columns(self):
        register = self.register.with_user(self.cs_user)
        self.assertEqual(register.name, "2025-06")
        self.assertEqual(register.complaint_ids, self.complaint)
        [row] = register._register_rows()
        self.assertEqual(row["customer"], "上海星河包装有限公司")
        self.assertEqual(row["contact"], "王经理")
        self.assertIn("021-5555 0101", row["reach"])
        self.assertIn("wang@xinghe.example.com", row["reach"])
        self.assertIn("纸板受潮", row["content"])
        self.assertIn("补发同规格纸箱", row["content"])
        self.assertIn("当天补发", row["process"])
        self.assertIn("更换防潮包装", row["process"])
        self.assertIn("加固箱体", row["process"])
        self.assertIn("客户认可处理结果", row["process"])
        self.assertIn("补发 30 箱", row["result"])
        self.assertAlmostEqual(row["satisfaction"], 4.5)

    def _printed_register(self):
        """The register's PDF as its supervisor prints it (HTML)."""
        report = self.env.ref("complaint_tracking.action_report_customer_service_register")
        return (
            report.with_user(self.cs_manager)
            ._render_qweb_html(report.report_name, self.register.ids)[0]
            .decode()
        )

    def test_printed_register(self):
        html = self._printed_register()
        for text in ("上海星河包装有限公司", "王经理", "纸板受潮", "加固箱体", "补发 30 箱", "4.5"):
            self.assertIn(text, html)
        self.assertNotIn(self.july.name, html)
        self.assertNotIn(self.cancelled.name, html)

    def test_supervisor_signs_off(self):
        register = self.register.with_user(self.cs_user)
        register.action_submit()
        self.assertEqual(register.state, "to_sign")
        # the staff who prepared it does not sign it, nor a salesman
        with self.assertRaises(AccessError):
            tier_decide(register, self.cs_user)
        tier_decide(register, self.cs_manager, comment="本月投诉均已处理")
        self.assertEqual(register.state, "signed")
        self.assertEqual(register.signed_by_id, self.cs_manager)
        self.assertEqual(register.sign_note, "本月投诉均已处理")
        self.assertTrue(register.signed_date)
        # signed: the period and the signature stay as they are
        with self.assertRaises(UserError):
            register.write({"date_to": "2025-07-31"})
        with self.assertRaises(UserError):
            register.with_user(self.cs_manager).write({"signed_by_id": self.cs_user.id})
        with self.assertRaises(UserError):
            register.with_user(self.cs_manager).unlink()

    def test_signed_register_is_frozen(self):
        """The register prints what the supervisor signed, whatever happens to the
        complaints afterwards; nobody rewrites its rows."""
        register = self.register.with_user(self.cs_user)
        register.action_submit()
        tier_decide(register, self.cs_manager, comment="本月投诉均已处理")
        [line] = register.line_ids
        self.assertEqual(line.complaint_id, self.complaint)
        self.assertIn("加固箱体", line.process)
        # after the sign-off: the complaint is rewritten, another one is backdated into June
        self.complaint.write({"description": "事后改写的投诉内容", "measures": "事后补记的措施"})
        backdated = self._create_complaint(received_at=shanghai(2025, 6, 20, 10, 0))
        self.assertEqual(register.complaint_ids, self.complaint | backdated)
        [row] = register._register_rows()
        self.assertIn("纸板受潮", row["content"])
        html = self._printed_register()
        for text in ("上海星河包装有限公司", "王经理", "纸板受潮", "加固箱体", "补发 30 箱", "4.5"):
            self.assertIn(text, html)
        for text in ("事后改写的投诉内容", "事后补记的措施", backdated.name):
            self.assertNotIn(text, html)
        # the signed rows: neither the staff nor the supervisor writes, adds or deletes one
        for user in (self.cs_user, self.cs_manager):
            with self.assertRaises(AccessError):
                line.with_user(user).write({"content": "改写"})
            with self.assertRaises(AccessError):
                line.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["customer.service.register.line"].with_user(user).create(
                    {"register_id": self.register.id, "content": "补写"}
                )
            with self.assertRaises(AccessError):
                self.register.with_user(user).write(
                    {"line_ids": [(1, line.id, {"content": "改写"})]}
                )
        self.assertEqual(line.content, row["content"])

    def test_supervisor_sends_back(self):
        self.register.with_user(self.cs_user).action_submit()
        tier_decide(self.register, self.cs_manager, approve=False, comment="补充回访记录")
        self.assertEqual(self.register.state, "draft")
        self.assertFalse(self.register.signed_by_id)
        self.assertFalse(self.register.line_ids)

    def test_nobody_signs_without_the_review(self):
        with self.assertRaises(UserError):
            self.register.with_user(self.cs_manager).write({"state": "signed"})
        self.register.with_user(self.cs_user).action_submit()
        with self.assertRaises(UserError):
            self.register.with_user(self.cs_manager).write({"state": "signed"})

    def test_one_register_per_period(self):
        Register = self.env["customer.service.register"]
        with self.assertRaises(ValidationError):
            Register.create({"date_from": "2025-06-15", "date_to": "2025-07-15"})
        quarter = Register.create({"date_from": "2025-07-01", "date_to": "2025-09-30"})
        self.assertEqual(quarter.complaint_ids, self.july)
        self.assertEqual(quarter.name, "2025-07-01 - 2025-09-30")

    def test_running_period_is_not_submitted(self):
        running = self.env["customer.service.register"].create({})
        with self.assertRaises(UserError):
            running.with_user(self.cs_user).action_submit()

    def test_salesman_reads_no_register(self):
        with self.assertRaises(AccessError):
            self.register.with_user(self.salesman).read(["name"])
