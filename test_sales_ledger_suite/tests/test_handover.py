"""Cross-module scenario: a salesperson leaves (离职交接); his successor takes over every open
document of his customers, and he no longer reads them."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sales_ledger.tests.common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestHandover(SalesLedgerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.sudo().user_id = cls.salesman
        cls.other_customer.sudo().user_id = cls.salesman
        cls.contract = cls._create_contract()
        cls.order = cls._create_order()
        cls.invoice = cls._invoice(date(2025, 3, 10))
        cls.statement = cls.env["sales.statement"].generate_statements(
            date(2025, 3, 1), date(2025, 3, 31), partners=cls.customer
        )
        cls.complaint = cls.env["customer.complaint"].create(
            {
                "partner_id": cls.customer.id,
                "category_id": cls.env["customer.complaint.category"]
                .sudo()
                .create({"name": "交付"})
                .id,
                "description": "到货延迟三天",
            }
        )
        cls.activity = cls.customer.activity_schedule(
            "mail.mail_activity_data_todo", summary="回访", user_id=cls.salesman.id
        )
        cls.loan = (
            cls.env["customer.archive.loan"]
            .sudo()
            .create(
                {
                    "archive_id": cls.customer.archive_id.id,
                    "user_id": cls.salesman.id,
                    "purpose": "核对合同原件",
                    "date_due": date(2099, 1, 1),
                }
            )
        )

    def _documents(self):
        return [
            self.customer,
            self.customer.archive_id,
            self.contract,
            self.order,
            self.statement,
            self.complaint,
        ]

    def _handover(self, **values):
        wizard = (
            self.env["customer.archive.handover"]
            .with_user(self.sales_manager)
            .create({"from_user_id": self.salesman.id, "to_user_id": self.salesman_2.id, **values})
        )
        return wizard

    def test_preview_then_handover_everything(self):
        for document in self._documents():
            document.with_user(self.salesman).check_access("read")
        wizard = self._handover(archive_user=True)
        self.assertEqual(wizard.partner_count, 2)
        for label in ("合同", "Contracts", "Statements", "Complaints", "Activities"):
            if label in wizard.preview:
                break
        else:
            self.fail(f"no document kinds in the preview: {wizard.preview}")
        wizard.action_handover()

        for document in self._documents():
            with self.subTest(document=document._name):
                self.assertEqual(document.user_id, self.salesman_2)
                document.with_user(self.salesman_2).check_access("read")
                document.with_user(self.salesman_2).check_access("write")
                if document != self.customer:  # partners are everybody's address book
                    with self.assertRaises(AccessError):
                        document.with_user(self.salesman).check_access("read")
        self.assertEqual(self.activity.user_id, self.salesman_2)
        self.assertEqual(self.loan.user_id, self.salesman_2)
        # The successor acts on them: he confirms the quotation and sends the statement.
        self.order.with_user(self.salesman_2).action_confirm()
        self.assertEqual(self.order.state, "sale")
        self.activity.with_user(self.salesman_2).action_feedback(feedback="已回访")
        # The handover is logged on the customer and the leaver is archived.
        self.assertTrue(
            self.customer.message_ids.filtered(
                lambda message: "sl_salesman_2" in message.body and "Contracts" in message.body
            )
        )
        self.assertFalse(self.salesman.active)

    def test_handover_list(self):
        wizard = self._handover()
        rows = {row["customer"]: row for row in wizard._handover_sheet_rows()}
        self.assertEqual(set(rows), {self.customer, self.other_customer})
        self.assertAlmostEqual(rows[self.customer]["receivable"], self.invoice.amount_residual)
        kinds = dict(rows[self.customer]["documents"])
        self.assertIn(self.contract.display_name, kinds["Contracts"])
        self.assertIn(self.order.name, kinds["Quotations and orders"])
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.sales_manager)
            ._render_qweb_html("customer_archive.customer_archive_handover_report", wizard.ids)
        )
        for text in (self.customer.name, self.contract.display_name, "Received by"):
            self.assertIn(text, html.decode())
        self.assertEqual(
            wizard.action_print_list()["report_name"],
            "customer_archive.report_customer_archive_handover",
        )

    def test_handover_of_one_customer(self):
        wizard = self._handover(partner_ids=[(6, 0, self.customer.ids)])
        self.assertEqual(wizard.partner_count, 1)
        wizard.action_handover()
        self.assertEqual(self.contract.user_id, self.salesman_2)
        self.assertEqual(self.order.user_id, self.salesman_2)
        self.assertEqual(self.other_customer.user_id, self.salesman, "not chosen, not moved")
        self.assertTrue(self.salesman.active)

    def test_only_managers_and_never_an_administrator(self):
        with self.assertRaises(UserError):
            self.env["customer.archive.handover"].with_user(self.salesman).create(
                {"from_user_id": self.salesman.id, "to_user_id": self.salesman_2.id}
            ).action_handover()
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(UserError):
            self.env["customer.archive.handover"].with_user(self.sales_manager).create(
                {"from_user_id": admin.id, "to_user_id": self.salesman_2.id, "archive_user": True}
            ).action_handover()
