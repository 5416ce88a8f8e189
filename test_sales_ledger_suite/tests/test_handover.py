"""Cross-module scenario: a salesperson leaves (离职交接); his successor takes over every open
document of his customers, and he no longer reads them."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

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
        other_activity = self.other_customer.activity_schedule(
            "mail.mail_activity_data_todo", summary="报价跟进", user_id=self.salesman.id
        )
        wizard = self._handover(partner_ids=[(6, 0, self.customer.ids)])
        self.assertEqual(wizard.partner_count, 1)
        wizard.action_handover()
        self.assertEqual(self.contract.user_id, self.salesman_2)
        self.assertEqual(self.order.user_id, self.salesman_2)
        # the chosen customer's activities go with it, the others' stay
        self.assertEqual(self.activity.user_id, self.salesman_2)
        self.assertEqual(other_activity.user_id, self.salesman)
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

    def test_split_between_two_successors(self):
        """One handover splits the leaver's customers: each successor takes his customers'
        documents, the other one does not, and the leaver reads none of them."""
        successor_3 = new_test_user(
            self.env,
            "sl_salesman_3",
            groups="sales_team.group_sale_salesman",
            company_id=self.env.company.id,
            company_ids=[Command.set(self.env.company.ids)],
        )
        other = self.other_customer
        other_invoice = self._invoice(date(2025, 3, 12), partner=other)
        other_documents = [
            other,
            other.archive_id,
            self._create_contract(partner=other),
            self._create_order(partner=other),
            self.env["sales.statement"].generate_statements(
                date(2025, 3, 1), date(2025, 3, 31), partners=other
            ),
            self.env["customer.complaint"].create(
                {
                    "partner_id": other.id,
                    "category_id": self.complaint.category_id.id,
                    "description": "包装破损",
                }
            ),
        ]
        other_activity = other.activity_schedule(
            "mail.mail_activity_data_todo", summary="催收对账", user_id=self.salesman.id
        )
        wizard = self._handover()
        self.assertEqual(wizard.line_ids.partner_id, self.customer | other)
        self.assertEqual(wizard.line_ids.user_id, self.salesman_2, "by default the successor")
        wizard.line_ids.filtered(lambda line: line.partner_id == other).user_id = successor_3
        rows = {row["customer"]: row for row in wizard._handover_sheet_rows()}
        self.assertEqual(rows[other]["successor"], successor_3)
        self.assertEqual(rows[self.customer]["successor"], self.salesman_2)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.sales_manager)
            ._render_qweb_html("customer_archive.customer_archive_handover_report", wizard.ids)
        )
        self.assertIn("sl_salesman_3", html.decode())
        wizard.action_handover()

        shares = (
            (self.salesman_2, successor_3, [*self._documents(), self.activity]),
            (successor_3, self.salesman_2, [*other_documents, other_activity]),
        )
        for successor, not_him, documents in shares:
            for document in documents:
                with self.subTest(document=document, successor=successor.login):
                    self.assertEqual(document.user_id, successor)
                    if document._name == "mail.activity":
                        continue
                    document.with_user(successor).check_access("write")
                    if document._name != "res.partner":  # partners: everybody's address book
                        for stranger in (not_him, self.salesman):
                            with self.assertRaises(AccessError):
                                document.with_user(stranger).check_access("read")
        self.assertEqual(self.contract.user_id, self.salesman_2)
        self.assertEqual(self.loan.user_id, self.salesman_2)
        # Each acts on his own: confirms the quotation, marks the activity done.
        other_documents[3].with_user(successor_3).action_confirm()
        self.assertEqual(other_documents[3].state, "sale")
        other_activity.with_user(successor_3).action_feedback(feedback="已对账")
        self.order.with_user(self.salesman_2).action_confirm()
        # The log names each customer's successor.
        self.assertTrue(
            other.message_ids.filtered(
                lambda message: "sl_salesman_3" in message.body and "Contracts" in message.body
            )
        )
        self.assertFalse(
            self.customer.message_ids.filtered(lambda message: "sl_salesman_3" in message.body)
        )
        self.assertAlmostEqual(rows[other]["receivable"], other_invoice.amount_residual)

    def test_successor_is_an_active_colleague(self):
        wizard = self._handover()
        wizard.line_ids[:1].user_id = self.salesman
        with self.assertRaisesRegex(UserError, "another salesperson"):
            wizard.action_handover()
        wizard.line_ids[:1].user_id = new_test_user(
            self.env, "sl_portal", groups="base.group_portal"
        )
        with self.assertRaisesRegex(UserError, "internal"):
            wizard.action_handover()
