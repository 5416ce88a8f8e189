from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import SIGNATURE, StatementCommon


@tagged("post_install", "-at_install")
class TestStatementScheduling(StatementCommon):
    """Regulation 002 (对账周期): every customer with activity or a balance gets a monthly
    statement by default, quarterly only on request, and everyone a year-end statement;
    individuals and archived customers with a balance included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.quarterly = Partner.create(
            {"name": "杭州季结贸易有限公司", "is_company": True, "statement_period": "quarterly"}
        )
        cls.person = Partner.create({"name": "张三"})
        cls.archived = Partner.create({"name": "已停业客户有限公司", "is_company": True})
        for partner in (cls.other_customer, cls.quarterly, cls.person):
            cls._invoice(partner, 100.0, date(2026, 2, 10))
        cls._invoice(cls.archived, 300.0, date(2025, 11, 5))
        cls.archived.action_archive()

    def _run(self, day):
        with freeze_time(f"{day} 02:00:00"):
            self.env["sales.statement"].sudo()._cron_generate_statements()

    def _statements(self, date_from, date_to):
        return self.env["sales.statement"].search(
            [("date_from", "=", date_from), ("date_to", "=", date_to)]
        )

    def test_monthly_by_default_quarterly_on_request(self):
        self.assertEqual(
            self.env["res.partner"].create({"name": "新客户"}).statement_period, "monthly"
        )
        self._run("2026-03-02")
        february = self._statements("2026-02-01", "2026-02-28")
        # the individual and the archived customer with a balance included
        self.assertEqual(february.partner_id, self.other_customer | self.person | self.archived)
        self._run("2026-04-01")
        first_quarter = self._statements("2026-01-01", "2026-03-31")
        self.assertEqual(first_quarter.partner_id, self.quarterly)
        self.assertEqual(first_quarter.period_type, "quarterly")
        self.assertEqual(first_quarter.closing_balance, 100.0)

    def test_year_end_statement_for_everyone(self):
        self.other_customer.statement_period = "yearly"
        self._invoice(self.customer, 50.0, date(2026, 12, 1))
        self._run("2027-01-02")
        year = self._statements("2026-01-01", "2026-12-31")
        self.assertEqual(
            year.partner_id,
            self.customer | self.other_customer | self.quarterly | self.person | self.archived,
        )
        self.assertEqual(set(year.mapped("period_type")), {"yearly"})
        self.assertEqual(
            year.filtered(lambda s: s.partner_id == self.archived).closing_balance, 300.0
        )
        # December for the monthly ones, the fourth quarter for the quarterly one
        december = self._statements("2026-12-01", "2026-12-31")
        self.assertEqual(december.partner_id, self.customer | self.person | self.archived)
        fourth_quarter = self._statements("2026-10-01", "2026-12-31")
        self.assertEqual(fourth_quarter.partner_id, self.quarterly)


@tagged("post_install", "-at_install")
class TestMonthlyRanking(StatementCommon, MockEmail):
    """月度排名通报: completion and accuracy per salesperson, e-mailed to the sales managers."""

    def test_ranking_mail(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.company.partner_id.lang = "zh_CN"
        third = self.env["res.partner"].create(
            {
                "name": "无锡恒通机电有限公司",
                "is_company": True,
                "user_id": self.salesman.id,
                "email": "ap@hengtong.example.com",
            }
        )
        for partner in (self.customer, self.other_customer, third):
            self._invoice(partner, 100.0, date(2026, 2, 10))
        with freeze_time("2026-03-02 02:00:00"):
            statements = self.env["sales.statement"].generate_statements(
                "2026-02-01", "2026-02-28", self.customer | self.other_customer | third
            )
            statements.action_send()
        by_partner = {statement.partner_id: statement for statement in statements}
        self.assertEqual({s.reply_deadline.month for s in statements}, {3})
        with freeze_time("2026-03-03 02:00:00"):
            by_partner[self.customer]._action_customer_confirm("王会计", SIGNATURE)
            by_partner[self.other_customer]._action_customer_confirm("李经理", SIGNATURE)
        # third: never answered
        Kpi = self.env["sales.statement.kpi"].sudo()
        rows = Kpi._ranking(self.company, date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(
            [
                (row["rank"], row["name"], row["due"], row["completion"], row["accuracy"])
                for row in rows
            ],
            [
                (1, self.other_salesman.name, 1, 100.0, 100.0),
                (2, self.salesman.name, 2, 50.0, 100.0),
            ],
        )
        with freeze_time("2026-04-01 03:00:00"), self.mock_mail_gateway():
            Kpi._cron_send_ranking()
        mail = self._new_mails.filtered(lambda m: "对账工作月度排名通报" in (m.subject or ""))
        self.assertEqual(len(mail), 1)
        self.assertIn(self.sales_manager.partner_id, mail.recipient_ids)
        self.assertIn("[华东机械有限公司][2026-03]", mail.subject)
        body = mail.body_html
        for text in ("对账完成率", "对账准确率", "排名", self.salesman.name, "50.0%", "100.0%"):
            self.assertIn(text, body)
        self.assertLess(body.index(self.other_salesman.name), body.index(self.salesman.name))
