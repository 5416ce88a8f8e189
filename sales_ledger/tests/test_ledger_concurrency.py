"""Two transactions numbering the same year of the monthly sales ledger.

The data is committed (two cursors see only committed rows) in a year no other test uses,
and removed at the end.
"""

from contextlib import contextmanager

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tests import common, tagged
from odoo.tools import mute_logger

YEAR = 2031


@contextmanager
def environment():
    """An environment on a new cursor, committed and closed after the block."""
    with Registry(common.get_db_name()).cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {})


@tagged("post_install", "-at_install")
class TestLedgerConcurrency(common.BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with environment() as env:
            if not env.company.chart_template:
                raise cls.skipTest(cls, "the main company has no chart of accounts")
            partner = env["res.partner"].create({"name": "并发测试客户", "is_company": True})
            product = env["product.product"].create({"name": "并发测试产品", "list_price": 100.0})
            moves = env["account.move"]
            for day in (f"{YEAR}-01-20", f"{YEAR}-01-05", f"{YEAR}-02-10", f"{YEAR}-02-02"):
                moves |= env["account.move"].create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "invoice_date": day,
                        "date": day,
                        "invoice_line_ids": [
                            Command.create({"product_id": product.id, "price_unit": 100.0})
                        ],
                    }
                )
            moves.action_post()
            periods = env["sales.ledger.period"].create(
                [{"date_from": f"{YEAR}-01-01"}, {"date_from": f"{YEAR}-02-01"}]
            )
            cls.partner_id, cls.product_id = partner.id, product.id
            cls.move_ids, cls.period_ids = moves.ids, periods.ids
        cls.addClassCleanup(cls._remove_data)

    @classmethod
    def _remove_data(cls):
        with environment() as env:
            company = env.company
            env["sales.ledger.period"].search(
                [("company_id", "=", company.id), ("date_from", ">=", f"{YEAR}-01-01")]
            ).unlink()
            env["sales.ledger.year"].search(
                [("company_id", "=", company.id), ("year", "=", YEAR)]
            ).unlink()
            moves = env["account.move"].browse(cls.move_ids)
            moves.button_draft()
            moves.with_context(force_delete=True).unlink()
            env["product.product"].browse(cls.product_id).unlink()
            # Every customer has a dossier (customer_archive): it goes first.
            env["customer.archive"].with_context(active_test=False).search(
                [("partner_id", "=", cls.partner_id)]
            ).unlink()
            env["res.partner"].browse(cls.partner_id).unlink()

    def _numbers(self, env):
        periods = env["sales.ledger.period"].browse(self.period_ids)
        return {period.name: sorted(period.line_ids.mapped("ledger_number")) for period in periods}

    @mute_logger("odoo.sql_db")
    def test_two_months_generated_at_once(self):
        january, february = self.period_ids
        with environment() as env_a, environment() as env_b:
            env_a["sales.ledger.period"].browse(january).action_generate_lines()
            # the year is being numbered by the other transaction: refused at once, and
            # retried by Odoo after it
            with self.assertRaises(psycopg2.errors.LockNotAvailable):
                env_b["sales.ledger.period"].browse(february).action_generate_lines()
            env_b.cr.rollback()
        with environment() as env:
            env["sales.ledger.period"].browse(february).action_generate_lines()
        with environment() as env:
            self.assertEqual(self._numbers(env), {f"{YEAR}-01": [1, 2], f"{YEAR}-02": [3, 4]})

    @mute_logger("odoo.sql_db")
    def test_stale_snapshot_cannot_number(self):
        january, february = self.period_ids
        with environment() as env:
            env["sales.ledger.period"].browse(january).action_generate_lines()
        with environment() as env_late:
            # this transaction reads the ledger before the other one commits
            self.assertTrue(self._numbers(env_late))
            with environment() as env_other:
                env_other["sales.ledger.period"].browse(february).action_generate_lines()
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                env_late["sales.ledger.period"].browse(january).action_generate_lines()
            env_late.cr.rollback()
        with environment() as env:
            env["sales.ledger.period"].browse(january).action_generate_lines()
            self.assertEqual(self._numbers(env), {f"{YEAR}-01": [1, 2], f"{YEAR}-02": [3, 4]})
            lines = env["sales.ledger.line"].search([("ledger_year", "=", YEAR)])
            self.assertEqual(len(lines), 4)
