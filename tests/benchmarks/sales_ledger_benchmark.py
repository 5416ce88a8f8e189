"""Monthly sales ledger benchmark: generation and XLSX export of a big month.

    .venv/bin/python tests/benchmarks/sales_ledger_benchmark.py --database bench [--lines 50000]

Creates (once, committed and reused on later runs) customers, products and posted invoices
in one month, then prints the time and peak memory of ``action_generate_lines()`` and of the
XLSX export. The measurements run in a transaction that is rolled back unless ``--keep`` is
given.

``--without-statistics`` measures the database as right after loading the month, before
autovacuum analyzed it: it forgets, inside the rolled-back transaction, the planner's
statistics of the database's tables (needs a superuser connection, as on a development
machine).
"""

import argparse
import os
import sys
import time
import tracemalloc
from datetime import date

from dateutil.relativedelta import relativedelta

import odoo
from odoo.tools import config

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data_generator import DataGenerator  # noqa: E402  (the sibling module of this script)


def measure(label, function, untraced=False):
    """Time and peak Python memory of ``function()``; with ``untraced``, it runs once more
    before, without tracing memory (which slows Python code down), for the time alone."""
    if untraced:
        started = time.perf_counter()
        function()
        print(f"{label + ' (untraced)':<32} {time.perf_counter() - started:8.2f} s")
    tracemalloc.start()
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<32} {elapsed:8.2f} s   peak Python memory {peak / 1024 / 1024:8.1f} MiB")
    return result


def forget_statistics(cr):
    """The planner's view of a database just loaded: no column statistics, no row counts
    (the tables' sizes are read from their files)."""
    cr.execute(
        """
        DELETE FROM pg_statistic
         WHERE starelid IN (SELECT oid FROM pg_class
                             WHERE relnamespace = 'public'::regnamespace)
        """
    )
    cr.execute(
        """
        UPDATE pg_class SET reltuples = -1, relpages = 0, relallvisible = 0
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')
        """
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--config", default=os.path.join(REPO, "odoo.conf"))
    parser.add_argument(
        "--addons-path",
        default=",".join(
            [REPO, os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "addons")]
        ),
    )
    parser.add_argument("--lines", type=int, default=50_000, help="invoice lines in the month")
    parser.add_argument("--lines-per-invoice", type=int, default=50)
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--month", default="2024-06-01", help="first day of the month")
    parser.add_argument("--keep", action="store_true", help="commit the ledger generated")
    parser.add_argument(
        "--without-statistics",
        action="store_true",
        help="plan as right after loading: no statistics (rolled back with the rest)",
    )
    args = parser.parse_args()

    config.parse_config(
        [
            "-c",
            args.config,
            "-d",
            args.database,
            "--addons-path",
            args.addons_path,
            "--log-level",
            "warn",
        ]
    )
    registry = odoo.modules.registry.Registry(args.database)
    month = date.fromisoformat(args.month)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        period = env["sales.ledger.period"].search(
            [("company_id", "=", env.company.id), ("date_from", "=", month)]
        )
        existing = env["account.move.line"].search_count(
            [
                ("move_id.move_type", "in", ("out_invoice", "out_refund")),
                ("parent_state", "=", "posted"),
                ("display_type", "=", "product"),
                ("date", ">=", month),
                ("date", "<=", month + relativedelta(day=31)),
            ]
        )
        missing = max(args.lines - existing, 0)
        if missing:
            gen = DataGenerator(env, seed=5, batch_size=200)
            invoices_count = -(-missing // args.lines_per_invoice)
            started = time.perf_counter()
            customers = gen.customers(args.customers, prefix=f"B{month:%y%m}")
            products = gen.products(args.products)
            gen.invoices(
                customers,
                products,
                months=1,
                count=invoices_count,
                start=month,
                lines_per_invoice=args.lines_per_invoice,
                refund_ratio=0.03,
            )
            print(
                f"generated {invoices_count} invoices ({missing} lines) "
                f"in {time.perf_counter() - started:.1f} s"
            )
            cr.commit()  # pylint: disable=invalid-commit  # the month, reused by later runs
        if args.without_statistics:
            forget_statistics(cr)
        if not period:
            period = env["sales.ledger.period"].create({"date_from": month})
        measure("ledger generation", period.action_generate_lines)
        # the floor: the same invoice lines copied by a bare INSERT ... SELECT
        cr.execute("CREATE TEMP TABLE bench_floor (LIKE sales_ledger_line) ON COMMIT DROP")
        measure(
            "bare INSERT ... SELECT",
            lambda: cr.execute(
                """
            INSERT INTO bench_floor (id, period_id, company_id, date, move_line_id,
                                     document_id, product_id, quantity, uom_name,
                                     amount_untaxed)
            SELECT aml.id, %s, aml.company_id, aml.date, aml.id,
                   aml.move_id, aml.product_id, aml.quantity, aml.product_uom_id::text,
                   -aml.balance
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
             WHERE aml.company_id = %s AND aml.parent_state = 'posted'
               AND aml.display_type = 'product'
               AND am.move_type IN ('out_invoice', 'out_refund')
               AND aml.date BETWEEN %s AND %s
                """,
                [period.id, period.company_id.id, period.date_from, period.date_to],
            ),
        )
        print(f"ledger lines                     {period.line_count}")
        print(f"anomalies                        {period.anomaly_count}")
        report = env.ref("sales_ledger.action_report_sales_ledger_period_xlsx")
        content, _fmt = measure(
            "XLSX export", lambda: report._render(report.report_name, period.ids), untraced=True
        )
        print(f"XLSX size                        {len(content) / 1024 / 1024:.1f} MiB")
        if args.keep:
            cr.commit()
        else:
            cr.rollback()


if __name__ == "__main__":
    main()
