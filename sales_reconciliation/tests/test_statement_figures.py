from datetime import date

from lxml import etree

from odoo import Command
from odoo.tests import tagged

from .common import StatementCommon

# +4 for the reply deadline: the working days of the schedule, counted once per run; the
# company check of the customers and sales teams is a query each (``bulk_insert``)
QUERIES_FIRST_RUN = 21


@tagged("post_install", "-at_install")
class TestStatementFigures(StatementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()

    def _generate(self, partners=None):
        return self.env["sales.statement"].generate_statements(
            date(2026, 2, 1), date(2026, 2, 28), partners
        )

    def test_figures_match_hand_computation(self):
        statement = self._generate(self.customer)
        self.assertEqual(len(statement), 1)
        self.assertRecordValues(
            statement,
            [
                {
                    "partner_id": self.customer.id,
                    "period_type": "monthly",
                    "state": "draft",
                    "revision": 0,
                    "opening_balance": 900.0,
                    "amount_sales": 2400.0,
                    "amount_returns": 150.0,
                    "amount_receipts": 500.0,
                    "closing_balance": 2650.0,
                    "aging_not_due": 2000.0,
                    "aging_1_30": 450.0,  # 200 (Jan invoice) - 150 (credit note) + 400
                    "aging_31_60": 30.0,
                    "aging_61_90": 50.0,
                    "aging_91_180": 20.0,
                    "aging_over_180": 100.0,
                    "user_id": self.salesman.id,
                    "closing_balance_chinese": "贰仟陆佰伍拾元整",
                }
            ],
        )
        self.assertEqual(statement.period_label, "2026-02")
        self.assertTrue(statement.name.startswith("DZ2026-"))

    def test_closing_equals_receivable_balance_and_aging_total(self):
        statement = self._generate(self.customer)
        balance = sum(
            self.env["account.move.line"]
            .search(
                [
                    ("partner_id", "=", self.customer.id),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("date", "<=", "2026-02-28"),
                ]
            )
            .mapped("balance")
        )
        self.assertAlmostEqual(statement.closing_balance, balance, places=2)
        aging_total = sum(
            statement[key]
            for key in (
                "aging_not_due",
                "aging_1_30",
                "aging_31_60",
                "aging_61_90",
                "aging_91_180",
                "aging_over_180",
            )
        )
        self.assertAlmostEqual(aging_total, statement.closing_balance, places=2)

    def test_lines_in_date_order_with_running_balance(self):
        statement = self._generate(self.customer)
        self.assertRecordValues(
            statement.line_ids,
            [
                {
                    "date": date(2026, 2, 5),
                    "document": self.inv_feb.name,
                    "document_type": "invoice",
                    "order_ref": "S00042",
                    "quantity": 2.0,
                    "debit": 2000.0,
                    "amount_returns": 0.0,
                    "credit": 0.0,
                    "running_balance": 2900.0,
                    "outstanding": 2000.0,
                    "date_maturity": date(2026, 3, 7),
                    "days_overdue": 0,
                },
                {
                    "date": date(2026, 2, 10),
                    "document": self.refund_feb.name,
                    "document_type": "refund",
                    "order_ref": False,
                    "quantity": 2.0,
                    "debit": 0.0,
                    "amount_returns": 150.0,
                    "credit": 0.0,
                    "running_balance": 2750.0,
                    "outstanding": -150.0,
                    "date_maturity": date(2026, 2, 10),
                    "days_overdue": 0,
                },
                {
                    "date": date(2026, 2, 15),
                    "document": statement.line_ids[2].move_id.name,
                    "document_type": "payment",
                    "order_ref": False,
                    "quantity": 0.0,
                    "debit": 0.0,
                    "amount_returns": 0.0,
                    "credit": 500.0,
                    "running_balance": 2250.0,
                    "outstanding": 0.0,
                    "date_maturity": date(2026, 2, 15),
                    "days_overdue": 0,
                },
                {
                    "date": date(2026, 2, 20),
                    "document": self.inv_feb20.name,
                    "document_type": "invoice",
                    "order_ref": False,
                    "quantity": 2.0,
                    "debit": 400.0,
                    "amount_returns": 0.0,
                    "credit": 0.0,
                    "running_balance": 2650.0,
                    "outstanding": 400.0,
                    "date_maturity": date(2026, 2, 20),
                    "days_overdue": 8,
                },
            ],
        )

    def test_generation_for_all_customers_skips_idle_ones(self):
        statements = self._generate()
        partners = statements.partner_id
        self.assertIn(self.customer, partners)
        self.assertIn(self.other_customer, partners)
        self.assertNotIn(self.idle_customer, partners)
        other = statements.filtered(lambda s: s.partner_id == self.other_customer)
        self.assertRecordValues(
            other,
            [{"opening_balance": 0.0, "amount_sales": 777.0, "closing_balance": 777.0}],
        )

    def test_balance_without_activity_gets_statement(self):
        statement = self.env["sales.statement"].generate_statements(
            "2026-04-01", "2026-04-30", self.customer
        )
        self.assertRecordValues(
            statement,
            [
                {
                    "opening_balance": 2450.0,  # 2650 - 200 paid on 2026-03-05
                    "amount_sales": 0.0,
                    "amount_receipts": 0.0,
                    "closing_balance": 2450.0,
                }
            ],
        )
        self.assertFalse(statement.line_ids)
        self.assertFalse(
            self.env["sales.statement"].generate_statements(
                "2026-04-01", "2026-04-30", self.idle_customer
            )
        )

    def test_contact_counts_for_its_company(self):
        statement = self._generate(self.customer_contact)
        self.assertEqual(statement.partner_id, self.customer)

    def test_generation_is_idempotent(self):
        first = self._generate()
        count = self.env["sales.statement"].search_count([])
        second = self._generate()
        self.assertEqual(first, second)
        self.assertEqual(self.env["sales.statement"].search_count([]), count)
        self.assertEqual(first.mapped("revision"), [0] * len(first))

    def test_regenerated_draft_is_replaced_in_place(self):
        statement = self._generate(self.customer)
        self._invoice(self.customer, 60.0, date(2026, 2, 25))
        again = self._generate(self.customer)
        self.assertEqual(again, statement)
        self.assertEqual(statement.revision, 0)
        self.assertEqual(statement.amount_sales, 2460.0)
        self.assertEqual(statement.closing_balance, 2710.0)
        self.assertEqual(len(statement.line_ids), 5)
        self.assertEqual(
            self.env["sales.statement.line"].search_count([("statement_id", "=", statement.id)]), 5
        )

    def test_multi_currency_lines_show_document_amount(self):
        eur = self.setup_other_currency("EUR", rates=[("2026-01-01", 2.0)])
        invoice = self._invoice(self.customer, 300.0, date(2026, 2, 12), currency=eur)
        statement = self._generate(self.customer)
        line = statement.line_ids.filtered(lambda entry: entry.move_id == invoice)
        self.assertRecordValues(
            line,
            [{"debit": 150.0, "foreign_currency_id": eur.id, "amount_currency": 300.0}],
        )
        self.assertEqual(statement.amount_sales, 2550.0)
        self.assertEqual(statement.closing_balance, 2800.0)
        self.assertEqual(statement.currency_id, self.currency)
        self.assertTrue(statement.has_foreign_currency)
        self.assertFalse(self._generate(self.other_customer).has_foreign_currency)

    def test_every_statement_adds_up_and_credit_notes_are_returns(self):
        Partner = self.env["res.partner"]
        customers = Partner.create(
            [
                {"name": f"测试客户{index}有限公司", "is_company": True, "email": f"c{index}@x.cn"}
                for index in range(3)
            ]
        )
        for index, customer in enumerate(customers):
            # January: opening balance; February: invoices, a credit note, payments
            self._invoice(customer, 1000.0 * (index + 1), date(2026, 1, 10))
            invoice = self._invoice(customer, 800.0 + index, date(2026, 2, 3))
            self._invoice(customer, 120.0 * (index + 1), date(2026, 2, 9), move_type="out_refund")
            self._pay(invoice, 300.0 + index, date(2026, 2, 16))
            self._payment(customer, 50.0, date(2026, 2, 25))
        statements = self._generate(customers | self.customer)
        self.assertEqual(len(statements), 4)
        for statement in statements:
            currency = statement.currency_id
            lines = statement.line_ids
            with self.subTest(customer=statement.partner_id.name):
                self.assertFalse(
                    currency.compare_amounts(
                        statement.opening_balance
                        + statement.amount_sales
                        - statement.amount_returns
                        - statement.amount_receipts,
                        statement.closing_balance,
                    )
                )
                # the lines' columns are the statement's figures
                self.assertAlmostEqual(sum(lines.mapped("debit")), statement.amount_sales)
                self.assertAlmostEqual(
                    sum(lines.mapped("amount_returns")), statement.amount_returns
                )
                self.assertAlmostEqual(sum(lines.mapped("credit")), statement.amount_receipts)
                self.assertTrue(statement.amount_returns)
                refunds = lines.filtered(lambda line: line.document_type == "refund")
                self.assertTrue(refunds)
                self.assertEqual(set(refunds.mapped("credit")), {0.0})
                self.assertEqual(sum(refunds.mapped("amount_returns")), statement.amount_returns)
                self.assertEqual(
                    lines[-1].running_balance, statement.closing_balance, "last running balance"
                )
                self.assertFalse(statement.has_foreign_currency)
        # the PDF and the portal show the credit note under Returns, not Received
        statement = statements.filtered(lambda s: s.partner_id == self.customer)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "sales_reconciliation.sales_statement_report_action", statement.ids
            )[0]
        )
        self.assertIn(">Returns</th>", html)
        refund = statement.line_ids.filtered(lambda line: line.document_type == "refund")
        self.assertEqual(refund.net_amount, -150.0)
        # every figure of the list adds up: none of them is an optional (hideable) column
        arch = etree.fromstring(
            self.env["sales.statement"].get_view(
                self.env.ref("sales_reconciliation.sales_statement_view_list").id, "list"
            )["arch"]
        )
        for name in (
            "opening_balance",
            "amount_sales",
            "amount_returns",
            "amount_receipts",
            "closing_balance",
        ):
            [field] = arch.xpath(f"//field[@name='{name}']")
            self.assertFalse(field.get("optional"), name)
            self.assertFalse(field.get("column_invisible"), name)

    def test_query_count_independent_of_customer_count(self):
        Partner = self.env["res.partner"]

        def make(count, day):
            partners = Partner.create(
                [{"name": f"批量客户 {day}-{i}", "is_company": True} for i in range(count)]
            )
            for partner in partners:
                self._invoice(partner, 100.0, date(2026, 5, day))
            return partners

        few = make(5, 3)
        many = make(20, 4)
        Statement = self.env["sales.statement"]

        def count_queries(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            statements = Statement.generate_statements("2026-05-01", "2026-05-31", partners)
            self.env.flush_all()
            return self.cr.sql_log_count - before, statements

        # warm the caches (defaults, sequence) with another customer
        count_queries(make(1, 2))
        few_count, few_statements = count_queries(few)
        many_count, many_statements = count_queries(many)
        self.assertEqual((len(few_statements), len(many_statements)), (5, 20))
        self.assertEqual(few_count, many_count)
        # and pinned, so that a query per customer cannot creep in
        more = make(20, 5)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES_FIRST_RUN):
            Statement.generate_statements("2026-05-01", "2026-05-31", more)
            self.env.flush_all()
        # idempotent run: nothing changes, still no query per customer
        again_count, again = count_queries(few | many)
        self.assertEqual(again, few_statements | many_statements)
        self.assertLessEqual(again_count, few_count)

    def test_document_texts_are_stored_verbatim(self):
        """Statement lines are written in bulk from PostgreSQL array literals: quotes,
        commas, braces, backslashes and the word NULL come back as they were."""
        partner = self.env["res.partner"].create({"name": "文本客户", "is_company": True})
        origin = 'PO "A,1" {x} \\ y'
        reference = "NULL"
        invoice = self._invoice(partner, 100.0, date(2026, 5, 3), origin=origin, post=False)
        invoice.ref = reference
        invoice.action_post()
        statement = self.env["sales.statement"].generate_statements(
            "2026-05-01", "2026-05-31", partner
        )
        self.assertRecordValues(
            statement.line_ids,
            [{"order_ref": origin, "description": reference, "document": invoice.name}],
        )

    def test_other_company_items_are_ignored(self):
        other_company = self.setup_other_company()["company"]
        statement = self._generate(self.customer)
        self.assertEqual(statement.company_id, self.company)
        statements_other = (
            self.env["sales.statement"]
            .with_company(other_company)
            .generate_statements("2026-02-01", "2026-02-28", self.customer)
        )
        self.assertFalse(statements_other)

    def test_sequence_numbers_are_unique(self):
        statements = self._generate()
        self.assertEqual(len(set(statements.mapped("name"))), len(statements))

    def test_uninvoiced_delivered_amount(self):
        self.company.credit_grace_days = 1000  # the old invoices would block the order
        product = self.product_a
        # Sold at its list price: below the pricelist, the quotation would wait for approval.
        product.write({"invoice_policy": "delivery", "list_price": 40.0, "standard_price": 30.0})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 5,
                            "price_unit": 40.0,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.order_line.qty_delivered = 3
        statement = self._generate(self.customer)
        self.assertEqual(statement.amount_uninvoiced, 120.0)
