from datetime import date
from unittest.mock import patch

from odoo.tests import freeze_time, tagged
from odoo.tools import SQL

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestReceivableEngine(StatementCommon):
    """Statements, the AR aging, the unpaid summary, the credit policy, the payment
    behaviour and collections read the receivables through one engine: what it counts,
    they all count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.related_receivable = cls.env["account.account"].create(
            {
                "name": "应收账款-关联方",
                "code": "112201",
                "account_type": "asset_receivable",
                "reconcile": True,
            }
        )
        # due on 2026-02-05, 23 days overdue at the end of February
        cls.invoice = cls._invoice(cls.customer, 1000.0, date(2026, 2, 5))
        # an invoice whose receivable goes to the second receivable account
        cls.customer.property_account_receivable_id = cls.related_receivable
        cls.related_invoice = cls._invoice(cls.customer, 500.0, date(2026, 2, 10))
        cls.customer.property_account_receivable_id = False
        # a draft counts nowhere
        cls.draft = cls._invoice(cls.customer, 9000.0, date(2026, 2, 12), post=False)

    def _everything(self):
        """What each consumer sees of the customer at the end of February."""
        statement = self.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", self.customer
        )
        aging_rows, _totals = self.env["report.sales_reconciliation.report_ar_aging"]._get_rows(
            self.company, date(2026, 2, 28)
        )
        unpaid_rows, _sums = self.env[
            "report.sales_reconciliation.report_unpaid_summary"
        ]._get_rows(self.company, date(2026, 2, 1), date(2026, 2, 28))
        order = self._salesman_order(100.0)
        with freeze_time("2026-02-28"):
            exposure, _to_invoice, _order, overdue_days = order._credit_exposure()
            behaviour = self.env["res.partner"]._payment_behaviour(
                self.customer.ids, self.company, date(2026, 2, 28)
            )
        reminders = self.env["sales.collection.reminder"]
        reminders._cron_raise_reminders(date(2026, 2, 28))
        return {
            "statement": statement.closing_balance,
            "statement lines": len(statement.line_ids),
            "aging": sum(row["total"] for row in aging_rows if row["partner"] == self.customer),
            "unpaid": sum(row["receivable"] for row in unpaid_rows),
            "exposure": exposure,
            "overdue days": overdue_days,
            "invoices paid or due": behaviour[self.customer.id][0],
            "collections": sorted(reminders.search([]).move_id.ids),
        }

    def test_every_receivable_account_and_only_posted_entries(self):
        self.assertEqual(
            self._everything(),
            {
                "statement": 1500.0,
                "statement lines": 2,
                "aging": 1500.0,
                "unpaid": 1500.0,
                "exposure": 1500.0,
                "overdue days": 23,
                "invoices paid or due": 2,
                "collections": sorted((self.invoice | self.related_invoice).ids),
            },
        )

    def test_a_change_of_the_filter_reaches_every_consumer(self):
        """Narrow the engine's filter (leave the second receivable account out): every
        consumer follows."""
        Engine = type(self.env["sales.receivable.engine"])
        receivable_where = Engine._receivable_where
        account = self.related_receivable

        def narrowed(engine, company, partner_ids=None, key="statement_partner_id"):
            return SQL(
                "%s AND aml.account_id != %s",
                receivable_where(engine, company, partner_ids, key),
                account.id,
            )

        with patch.object(Engine, "_receivable_where", narrowed):
            seen = self._everything()
        self.assertEqual(
            seen,
            {
                "statement": 1000.0,
                "statement lines": 1,
                "aging": 1000.0,
                "unpaid": 1000.0,
                "exposure": 1000.0,
                "overdue days": 23,
                "invoices paid or due": 1,
                "collections": self.invoice.ids,
            },
        )
