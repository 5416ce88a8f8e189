"""Benchmark of sales_reconciliation: statement generation and AR aging at scale.

Builds (once, reusable) a book of CUSTOMERS customers with INVOICES posted invoices and
PAYMENTS payments spread over MONTHS months, then measures in one run:

* ``sales.statement.generate_statements`` for one month and all customers;
* the AR aging of all customers (``report.sales_reconciliation.report_ar_aging``);
* when installed in the same database, the OCA peers on the same data:
  ``partner_statement`` (activity and outstanding statement data) and
  ``account_financial_report`` (aged partner balance);

and prints wall times, query counts and ratios.

Usage (database with the suite installed, e.g. ``python3 scripts/suite.py run --database bench``)::

    python3 tests/benchmarks/reconciliation_benchmark.py --database bench \
        [--customers 1000 --invoices 100000 --payments 80000 --months 24]

The data generation below is self-contained; ``generate_books()`` is the piece to replace
by the shared ``tests/benchmarks/data_generator.py`` once it is merged (same arguments:
env, customers, invoices, payments, months). Generated records are tagged with the
``BENCH-`` customer code prefix so that a second run reuses them.
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

BATCH = 500


def generate_books(env, customers, invoices, payments, months, seed=42):
    """Customers, posted invoices and payments (reconciled with the oldest invoices)."""
    rng = random.Random(seed)
    Partner = env["res.partner"].with_context(tracking_disable=True, mail_create_nolog=True)
    existing = Partner.search([("customer_code", "=like", "BENCH-%")])
    if len(existing) >= customers:
        print(f"reusing {len(existing)} benchmark customers")
        return existing[:customers]
    partners = Partner.create(
        [
            {
                "name": f"基准客户 {index:04d} 有限公司",
                "is_company": True,
                "customer_code": f"BENCH-{index:04d}",
                "settlement_method": "monthly" if index % 3 else "cash",
            }
            for index in range(customers)
        ]
    )
    today = date.today().replace(day=1)
    start = today - relativedelta(months=months)
    span = (today - start).days
    Move = env["account.move"].with_context(tracking_disable=True, mail_create_nolog=True)
    income = env["account.account"].search(
        [("account_type", "=", "income"), ("company_ids", "in", env.company.id)], limit=1
    )
    created = 0
    invoices_by_partner = {}
    while created < invoices:
        vals_list = []
        for _i in range(min(BATCH, invoices - created)):
            partner = partners[rng.randrange(customers)]
            day = start + timedelta(days=rng.randrange(span))
            vals_list.append(
                {
                    "move_type": "out_invoice" if rng.random() > 0.05 else "out_refund",
                    "partner_id": partner.id,
                    "invoice_date": day,
                    "date": day,
                    "invoice_date_due": day + timedelta(days=rng.choice((0, 30, 60))),
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "基准商品",
                                "quantity": rng.randint(1, 20),
                                "price_unit": rng.randint(10, 500),
                                "account_id": income.id,
                                "tax_ids": [(5, 0, 0)],
                            },
                        )
                    ],
                }
            )
        moves = Move.create(vals_list)
        moves.action_post()
        for move in moves.filtered(lambda m: m.move_type == "out_invoice"):
            invoices_by_partner.setdefault(move.partner_id.id, []).append(move)
        created += len(moves)
        env.cr.commit()  # pylint: disable=invalid-commit
        print(f"  invoices {created}/{invoices}", end="\r", flush=True)
    print()
    bank = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", env.company.id)], limit=1
    )
    made = 0
    partner_ids = list(invoices_by_partner)
    while made < payments and partner_ids:
        for _i in range(min(BATCH, payments - made)):
            partner_id = partner_ids[rng.randrange(len(partner_ids))]
            open_invoices = [
                m for m in invoices_by_partner[partner_id] if m.payment_state != "paid"
            ]
            if not open_invoices:
                continue
            invoice = open_invoices[0]
            amount = min(invoice.amount_residual, rng.randint(10, 3000))
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids, tracking_disable=True
            ).create(
                {
                    "amount": amount,
                    "payment_date": invoice.invoice_date + timedelta(days=rng.randint(0, 90)),
                    "journal_id": bank.id,
                    "payment_difference_handling": "open",
                }
            )._create_payments()
            made += 1
        env.cr.commit()  # pylint: disable=invalid-commit
        print(f"  payments {made}/{payments}", end="\r", flush=True)
    print()
    return partners


def measure(env, label, func):
    env.invalidate_all()
    env.flush_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - before
    print(f"{label:<58} {elapsed:9.2f} s {queries:8d} queries")
    return elapsed, queries, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--config", default="odoo.conf")
    parser.add_argument(
        "--addons-path",
        help="defaults to this repository and Odoo's own addons folder",
    )
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--invoices", type=int, default=100000)
    parser.add_argument("--payments", type=int, default=80000)
    parser.add_argument("--months", type=int, default=24)
    args = parser.parse_args()

    import odoo

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    addons_path = args.addons_path or ",".join(
        [root, os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "addons")]
    )
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, f"--addons-path={addons_path}"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        partners = generate_books(env, args.customers, args.invoices, args.payments, args.months)
        cr.commit()  # pylint: disable=invalid-commit
        month_end = date.today().replace(day=1) - timedelta(days=1)
        month_start = month_end.replace(day=1)
        Statement = env["sales.statement"]
        print(f"customers: {len(partners)}, period {month_start} .. {month_end}")
        ours_gen, ours_gen_q, _statements = measure(
            env,
            "sales_reconciliation: generate statements (all customers)",
            lambda: Statement.generate_statements(month_start, month_end, partners),
        )
        cr.rollback()
        ours_aging, ours_aging_q, _rows = measure(
            env,
            "sales_reconciliation: AR aging (all customers)",
            lambda: env["report.sales_reconciliation.report_ar_aging"]._get_rows(
                env.company, month_end, partners.ids
            ),
        )
        modules = (
            env["ir.module.module"]
            .search(
                [
                    ("name", "in", ("partner_statement", "account_financial_report")),
                    ("state", "=", "installed"),
                ]
            )
            .mapped("name")
        )
        if "partner_statement" in modules:
            data = {
                "company_id": env.company.id,
                "partner_ids": partners.ids,
                "date_start": month_start,
                "date_end": month_end,
                "account_type": "asset_receivable",
                "aging_type": "days",
                "show_aging_buckets": True,
                "filter_non_due_partners": False,
                "filter_negative_balances": False,
                "excluded_accounts_ids": [],
                "show_only_overdue": False,
            }
            oca_act, oca_act_q, _r = measure(
                env,
                "OCA partner_statement: activity statement data",
                lambda: env["report.partner_statement.activity_statement"]._get_report_values(
                    partners.ids, dict(data)
                ),
            )
            oca_out, oca_out_q, _r = measure(
                env,
                "OCA partner_statement: outstanding statement data",
                lambda: env["report.partner_statement.outstanding_statement"]._get_report_values(
                    partners.ids, dict(data)
                ),
            )
            print(
                f"ratio generation / OCA activity statement: time {ours_gen / oca_act:.2f} "
                f"(target <= 0.5), queries {ours_gen_q / max(oca_act_q, 1):.2f}"
            )
            print(
                f"ratio generation / OCA outstanding statement: time {ours_gen / oca_out:.2f}, "
                f"queries {ours_gen_q / max(oca_out_q, 1):.2f}"
            )
        else:
            print("partner_statement not installed: OCA statement comparison skipped")
        if "account_financial_report" in modules:
            wizard = env["aged.partner.balance.report.wizard"].create(
                {
                    "date_at": month_end,
                    "receivable_accounts_only": True,
                    "partner_ids": partners.ids,
                }
            )
            oca_aged, oca_aged_q, _r = measure(
                env,
                "OCA account_financial_report: aged partner balance",
                lambda: env[
                    "report.account_financial_report.aged_partner_balance"
                ]._get_report_values(wizard.ids, wizard._prepare_report_aged_partner_balance()),
            )
            print(
                f"ratio aging / OCA aged partner balance: time {ours_aging / oca_aged:.2f} "
                f"(target <= 1), queries {ours_aging_q / max(oca_aged_q, 1):.2f}"
            )
        else:
            print("account_financial_report not installed: OCA aging comparison skipped")
        cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
