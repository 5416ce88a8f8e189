from datetime import date

from odoo.tests import tagged

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestStatementHeadOffice(StatementCommon):
    """A head office that consolidates receives one statement for itself and its branches;
    otherwise each branch, a customer of its own, receives its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.head = Partner.create(
            {"name": "华东集团总公司", "is_company": True, "customer_rank": 1}
        )
        cls.branches = Partner.create(
            [
                {"name": f"华东集团{city}分公司", "is_company": True, "customer_rank": 1}
                for city in ("苏州", "无锡")
            ]
        )
        cls.branches.head_office_id = cls.head
        cls._invoice(cls.head, 100.0, date(2026, 3, 5))
        cls._invoice(cls.branches[0], 200.0, date(2026, 3, 10))
        cls._invoice(cls.branches[1], 300.0, date(2026, 3, 12))

    def _generate(self):
        return self.env["sales.statement"].generate_statements(
            date(2026, 3, 1), date(2026, 3, 31), self.head | self.branches
        )

    def test_each_branch_its_own_statement(self):
        statements = self._generate()
        self.assertEqual(statements.partner_id, self.head | self.branches)
        self.assertEqual(
            sorted(statements.mapped("amount_sales")), [100.0, 200.0, 300.0], statements
        )

    def test_consolidated_statement_per_head_office(self):
        self.head.consolidate_statements = True
        self.assertEqual(self.branches.statement_partner_id, self.head)
        statement = self._generate()
        self.assertEqual(statement.partner_id, self.head)
        self.assertEqual(statement.amount_sales, 600.0)
        self.assertEqual(statement.closing_balance, 600.0)
        self.assertEqual(len(statement.line_ids.filtered("move_id")), 3)
