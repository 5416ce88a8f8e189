from datetime import date
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import SQL

from ..models.sales_receivable_engine import AGING_KEYS
from .common import StatementCommon

AGING_MEASURES = [f"{key}:sum" for key in AGING_KEYS]


@tagged("post_install", "-at_install")
class TestArAgingItems(StatementCommon):
    """The on-screen AR aging: the open items of today in the buckets of the engine,
    grouped as the PDF groups them, under the rules of the PDF (companies, a salesperson
    his customers), printing the PDF/XLSX of the customers of its rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()
        cls.company_2 = cls.setup_other_company()["company"]
        cls.foreign_finance = new_test_user(
            cls.env,
            "sr_aging_foreign_finance",
            groups="account.group_account_invoice",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.foreign_invoice = cls.init_invoice(
            "out_invoice",
            partner=cls.customer,
            invoice_date=date(2026, 2, 1),
            amounts=[888.0],
            taxes=[],
            company=cls.company_2,
            post=True,
        )
        cls.Item = cls.env["sales.ar.aging.item"]

    def _buckets(self, user, domain=(), groupby=("partner_id",)):
        """{group: (bucket sums in the order of AGING_KEYS)} as the pivot reads them."""
        rows = self.Item.with_user(user)._read_group(list(domain), list(groupby), AGING_MEASURES)
        return {
            tuple(value.id for value in row[: len(groupby)]): tuple(row[len(groupby) :])
            for row in rows
        }

    def _pdf_buckets(self, date_to, partner_ids=None):
        rows, _totals = self.env["report.sales_reconciliation.report_ar_aging"]._get_rows(
            self.company, date_to, partner_ids
        )
        return {(row["partner"].id,): tuple(row[key] for key in AGING_KEYS) for row in rows}

    @freeze_time("2026-02-28")
    def test_buckets_are_those_of_the_pdf(self):
        company = [("company_id", "=", self.company.id)]
        buckets = self._buckets(self.finance, company)
        self.assertEqual(buckets, self._pdf_buckets(date(2026, 2, 28)))
        # hand figures: the 2026-01-10 invoice's 200.00 is still open (paid on 03-05)
        self.assertEqual(buckets[(self.customer.id,)], (2000.0, 450.0, 30.0, 50.0, 20.0, 100.0))
        self.assertEqual(buckets[(self.other_customer.id,)], (0, 777.0, 0, 0, 0, 0))
        items = self.Item.with_user(self.finance).search(
            [*company, ("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(
            items.move_id,
            self.inv_old
            | self.inv_oct
            | self.inv_dec
            | self.inv_jan
            | self.inv_jan15
            | self.inv_feb
            | self.refund_feb
            | self.inv_feb20,
        )
        jan = items.filtered(lambda item: item.move_id == self.inv_jan)
        self.assertEqual(
            (jan.amount_residual, jan.aging_1_30, jan.days_overdue), (200.0, 200.0, 19)
        )
        feb = items.filtered(lambda item: item.move_id == self.inv_feb)
        self.assertEqual((feb.days_overdue, feb.aging_not_due), (0, 2000.0))
        self.assertEqual(feb.date_due, date(2026, 3, 7))
        self.assertEqual(feb.invoice_date, date(2026, 2, 5))
        self.assertEqual(feb.user_id, self.salesman)
        self.assertEqual(feb.currency_id, self.currency)
        # grouped, days overdue is the oldest item's
        oldest = self.Item.with_user(self.finance)._read_group(
            [*company, ("partner_id", "=", self.customer.id)], [], ["days_overdue:max"]
        )
        self.assertEqual(oldest[0][0], (date(2026, 2, 28) - date(2025, 6, 1)).days)

    def test_today_equals_the_engine(self):
        today = fields.Date.context_today(self.Item)
        aging = self.env["sales.receivable.engine"]._aging(self.company, today)
        expected = {
            (partner,): tuple(figures[key] for key in AGING_KEYS)
            for partner, figures in aging.items()
        }
        self.assertEqual(
            self._buckets(self.sales_manager, [("company_id", "=", self.company.id)]), expected
        )
        self.assertEqual(
            sum(expected[(self.customer.id,)]), 2450.0
        )  # 2,650.00 at the end of February, less the 200.00 paid on 2026-03-05

    def test_follows_the_engine_filter(self):
        """The items are the engine's receivables: narrow its filter, they follow."""
        Engine = type(self.env["sales.receivable.engine"])
        receivable_where = Engine._receivable_where

        def narrowed(engine, company, partner_ids=None, key="statement_partner_id"):
            return SQL(
                "%s AND aml.move_id != %s",
                receivable_where(engine, company, partner_ids, key),
                self.inv_feb20.id,
            )

        moves = self.Item.with_user(self.finance).search([]).move_id
        self.assertIn(self.inv_feb20, moves)
        with patch.object(Engine, "_receivable_where", narrowed):
            narrowed_moves = self.Item.with_user(self.finance).search([]).move_id
        self.assertEqual(narrowed_moves, moves - self.inv_feb20)

    def test_salesperson_sees_only_his_customers(self):
        own = self.Item.with_user(self.salesman).search([])
        self.assertTrue(own)
        self.assertEqual(own.partner_id, self.customer)
        self.assertEqual(own.company_id, self.company)
        self.assertEqual(
            set(self._buckets(self.salesman, groupby=("user_id",))), {(self.salesman.id,)}
        )
        others = self.Item.search([("partner_id", "=", self.other_customer.id)])
        self.assertEqual(len(others), 1)
        self.assertFalse(self.Item.with_user(self.salesman).search([("id", "in", others.ids)]))
        with self.assertRaises(AccessError):
            others.with_user(self.salesman).read(["amount_residual"])
        # sales managers and finance see both customers
        for user in (self.sales_manager, self.finance):
            with self.subTest(user=user.login):
                rows = self.Item.with_user(user).search([])
                self.assertEqual(rows.partner_id, self.customer | self.other_customer)

    def test_other_company_invisible(self):
        foreign = self.Item.search([("move_id", "=", self.foreign_invoice.id)])
        self.assertEqual(foreign.amount_residual, 888.0)
        self.assertEqual(foreign.company_id, self.company_2)
        for user in (self.finance, self.salesman):
            with self.subTest(user=user.login):
                self.assertNotIn(foreign, self.Item.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    foreign.with_user(user).read(["amount_residual"])
        self.assertEqual(self.Item.with_user(self.foreign_finance).search([]), foreign)

    def test_drill_down_opens_the_invoice(self):
        item = self.Item.with_user(self.salesman).search([("move_id", "=", self.inv_feb20.id)])
        action = item.action_open_document()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(action["res_id"], self.inv_feb20.id)
        self.assertEqual(action["views"], [(False, "form")])

    def test_print_the_customers_of_the_rows(self):
        # selected rows: the salesperson prints his customer's PDF
        rows = self.Item.with_user(self.salesman).search([])
        action = rows.action_print_pdf()
        self.assertEqual(action["report_name"], "sales_reconciliation.report_ar_aging")
        self.assertEqual(action["data"]["partner_ids"], self.customer.ids)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(
                "sales_reconciliation.ar_aging_report_action",
                self.company.ids,
                data=action["data"],
            )[0]
            .decode()
        )
        self.assertIn("上海宏达贸易有限公司", html)
        self.assertNotIn("苏州联合电子有限公司", html)
        # no selection: the rows of the search
        Item = self.Item.with_user(self.finance).with_context(
            active_model="sales.ar.aging.item",
            active_domain=[("partner_id", "=", self.other_customer.id)],
        )
        action = Item.action_export_xlsx()
        self.assertEqual(action["report_name"], "sales_reconciliation.report_ar_aging_xlsx")
        self.assertEqual(action["data"]["partner_ids"], self.other_customer.ids)
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render(
                "sales_reconciliation.ar_aging_xlsx_report_action",
                self.company.ids,
                data=action["data"],
            )
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content)
        Report = self.env["report.sales_reconciliation.report_ar_aging"]
        values = Report.with_user(self.finance)._get_report_values(self.company.ids, action["data"])
        self.assertEqual([row["partner"] for row in values["rows"]], [self.other_customer])
        # asking for another's customers gives the salesperson nothing of them
        values = Report.with_user(self.salesman)._get_report_values(
            self.company.ids, action["data"]
        )
        self.assertFalse(values["rows"])

    def test_menus_per_role(self):
        """The on-screen aging is the AR Aging menu, the wizard Print AR Aging, for those
        who could print the AR aging before; finance finds both in Invoicing."""
        employee = new_test_user(self.env, "sr_aging_employee", groups="base.group_user")
        sales = ("sales_ar_aging_menu", "sales_ar_aging_print_menu")
        finance = ("sales_ar_aging_menu_finance", "sales_ar_aging_print_menu_finance")
        for user, shown, hidden in (
            (self.salesman, sales, finance),
            (self.sales_manager, sales, finance),
            (self.finance, sales + finance, ()),
            (employee, (), sales + finance),
        ):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for name in shown + hidden:
                with self.subTest(user=user.login, menu=name):
                    menu = self.env.ref(f"sales_reconciliation.{name}")
                    self.assertEqual(menu.id in visible, name in shown)
        self.assertEqual(
            self.env.ref("sales_reconciliation.sales_ar_aging_menu").action,
            self.env.ref("sales_reconciliation.sales_ar_aging_item_action"),
        )

    def test_print_refused_across_companies_or_without_rows(self):
        with self.assertRaises(UserError):
            self.Item.search([]).action_print_pdf()
        with self.assertRaises(UserError):
            self.Item.with_user(self.finance).with_context(
                active_model="sales.ar.aging.item",
                active_domain=[("partner_id", "=", self.idle_customer.id)],
            ).action_print_pdf()
