from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestCollectionRate(StatementCommon):
    """回款率 per salesperson and team per month, from real invoices and payments:
    collected by the end of the month / due in the month, the ratio of the sums."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["crm.team"]
        cls.team_east = Team.create(
            {"name": "华东销售一组", "member_ids": [Command.set(cls.salesman.ids)]}
        )
        cls.team_south = Team.create(
            {"name": "华南销售组", "member_ids": [Command.set(cls.other_salesman.ids)]}
        )
        # The salesperson's January: 1,000.00 + 600.00 due, 1,000.00 paid in January and
        # 200.00 only in February (too late for January).
        cls.inv_a = cls._salesman_invoice(
            cls.customer, cls.salesman, cls.team_east, 1000.0, date(2026, 1, 15)
        )
        cls.inv_b = cls._salesman_invoice(
            cls.customer, cls.salesman, cls.team_east, 600.0, date(2026, 1, 31)
        )
        cls._pay(cls.inv_a, 1000.0, date(2026, 1, 20))
        cls._pay(cls.inv_b, 200.0, date(2026, 2, 5))
        # February: 400.00 due, paid early.
        cls.inv_c = cls._salesman_invoice(
            cls.customer, cls.salesman, cls.team_east, 400.0, date(2026, 2, 10)
        )
        cls._pay(cls.inv_c, 400.0, date(2026, 2, 8))
        # The other salesperson's January: 500.00 due and paid, and a 300.00 invoice of
        # which a credit note takes 100.00 (200.00 due, 100.00 paid).
        cls.inv_d = cls._salesman_invoice(
            cls.other_customer, cls.other_salesman, cls.team_south, 500.0, date(2026, 1, 10)
        )
        cls._pay(cls.inv_d, 500.0, date(2026, 1, 9))
        cls.inv_e = cls._salesman_invoice(
            cls.other_customer, cls.other_salesman, cls.team_south, 300.0, date(2026, 1, 20)
        )
        refund = cls._invoice(cls.other_customer, 100.0, date(2026, 1, 21), move_type="out_refund")
        (refund.line_ids | cls.inv_e.line_ids).filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        ).reconcile()
        cls._pay(cls.inv_e, 100.0, date(2026, 1, 25))

    @classmethod
    def _salesman_invoice(cls, partner, user, team, amount, due):
        invoice = cls._invoice(partner, amount, date(2025, 12, 20), due=due, post=False)
        invoice.write({"invoice_user_id": user.id, "team_id": team.id})
        invoice.action_post()
        return invoice

    def _rates(self, groupby, user=None, domain=()):
        """{(group values): (due, collected, rate)}, grouped as pivot and graph do."""
        Rate = self.env["sales.collection.rate"].with_user(user or self.sales_manager)
        rows = Rate._read_group(
            [("company_id", "=", self.company.id), *domain],
            groupby,
            ["amount_due:sum", "amount_collected:sum", "collection_rate:avg"],
        )
        return {
            tuple(getattr(value, "id", value) for value in row[: len(groupby)]): tuple(
                row[len(groupby) :]
            )
            for row in rows
        }

    def test_rate_per_salesperson_and_month(self):
        rates = self._rates(["user_id", "date_due:month"])
        january, february = date(2026, 1, 1), date(2026, 2, 1)
        self.assertEqual(rates[(self.salesman.id, january)], (1600.0, 1000.0, 62.5))
        self.assertEqual(rates[(self.salesman.id, february)], (400.0, 400.0, 100.0))
        due, collected, rate = rates[(self.other_salesman.id, january)]
        self.assertEqual((due, collected), (700.0, 600.0))
        self.assertAlmostEqual(rate, 600.0 * 100 / 700.0)

    def test_rate_per_team_is_the_ratio_of_the_sums(self):
        rates = self._rates(["team_id"], domain=[("date_due", "<", "2026-02-01")])
        self.assertEqual(rates[(self.team_east.id,)], (1600.0, 1000.0, 62.5))
        # January for everyone: 1,600.00 collected of 2,300.00 due, not the mean of 62.5 % and
        # 85.7 %.
        total = self._rates([], domain=[("date_due", "<", "2026-02-01")])
        self.assertAlmostEqual(total[()][2], 1600.0 * 100 / 2300.0)

    def test_salesperson_sees_only_his_rows(self):
        Rate = self.env["sales.collection.rate"].with_user(self.salesman)
        rows = Rate.search([("company_id", "=", self.company.id)])
        self.assertEqual(rows.move_id, self.inv_a | self.inv_b | self.inv_c)
        rates = self._rates(["user_id"], user=self.salesman)
        self.assertEqual(set(rates), {(self.salesman.id,)})
        # Finance sees everyone's.
        rates = self._rates(["user_id"], user=self.finance)
        self.assertEqual(set(rates), {(self.salesman.id,), (self.other_salesman.id,)})
