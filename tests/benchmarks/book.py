"""The benchmarks' book: customers, invoices and credit notes, payments and sale orders.

Made once by ``data_generator.py`` in ``--jobs`` processes (each with its own sales and bank
journal), committed batch by batch, reused and completed by later runs. A benchmark script
adds the options with ``add_arguments``, calls ``build`` in its main process, and hands
``--part`` runs (the processes ``build`` starts, running the same script) to ``generate_part``.
"""

import argparse
import os
import subprocess
import sys
from contextlib import closing

from dateutil.relativedelta import relativedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data_generator import DataGenerator  # noqa: E402  (the sibling module of this script)

PREFIX = "BENCH"
PRODUCT_PREFIX = "BP"


def add_arguments(parser, orders=0):
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--invoices", type=int, default=100000)
    parser.add_argument("--payments", type=int, default=80000)
    if orders:
        parser.add_argument("--orders", type=int, default=orders)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the book")
    parser.add_argument("--part", help=argparse.SUPPRESS)


def journals(env, kind, jobs):
    """One journal of ``kind`` (sale or bank) per generating process: each process
    numbers its own documents, so none waits for another's sequence."""
    Journal = env["account.journal"]
    prefix = f"B{kind[0].upper()}"
    found = Journal.search(
        [
            ("type", "=", kind),
            ("company_id", "=", env.company.id),
            ("code", "not like", f"{prefix}%"),
        ],
        limit=1,
    )
    for part in range(1, jobs):
        code = f"{prefix}{part:02d}"
        found |= Journal.search(
            [("code", "=", code), ("company_id", "=", env.company.id)]
        ) or Journal.create({"name": f"Benchmark {kind} {part}", "code": code, "type": kind})
    return found


def invoice_domain(partners):
    """The book's invoices and credit notes (not those made from its sale orders)."""
    return [
        ("partner_id", "in", partners.ids),
        ("move_type", "in", ("out_invoice", "out_refund")),
        ("state", "=", "posted"),
        ("invoice_origin", "=", False),
    ]


def customers(env, count):
    return env["res.partner"].search(
        [("ref", "=like", f"{PREFIX}%"), ("parent_id", "=", False)], order="id", limit=count
    )


def products(env):
    return env["product.product"].search([("default_code", "=like", f"{PRODUCT_PREFIX}%")])


def build(env, args, script):
    """Make what the book lacks; return its customers and whether anything was made."""
    gen = DataGenerator(env, seed=42, batch_size=1000, commit=True)
    partners = customers(gen.env, args.customers)
    if not partners:
        partners = gen.customers(args.customers, prefix=PREFIX)
    if not products(gen.env):
        gen.products(200)
    # Made here, before the processes start: each of them creating the missing salespeople
    # at once would make the same logins twice on a fresh database.
    gen.salespeople()
    journals(gen.env, "sale", args.jobs)
    journals(gen.env, "bank", args.jobs)
    env.cr.commit()  # pylint: disable=invalid-commit
    counts = {
        "invoices": gen.env["account.move"].search_count(invoice_domain(partners)),
        "payments": gen.env["account.payment"].search_count([("partner_id", "in", partners.ids)]),
        "orders": gen.env["sale.order"].search_count([("partner_id", "in", partners.ids)]),
    }
    made = False
    for phase, count in counts.items():
        missing = getattr(args, phase, 0) - count
        if missing > 0:
            print(f"generating {missing} {phase}", flush=True)
            run_parts(phase, missing, args, script)
            made = True
    env.cr.commit()  # pylint: disable=invalid-commit  # a new snapshot sees their work
    if made:
        vacuum_analyze(env.cr.dbname)
    return partners, made


def run_parts(phase, count, args, script):
    """Run ``phase`` for ``count`` documents in ``args.jobs`` processes of ``script``."""
    shares = [count // args.jobs + (part < count % args.jobs) for part in range(args.jobs)]
    common = [sys.executable, script, "--database", args.database, "--config", args.config]
    common += ["--customers", str(args.customers), "--months", str(args.months)]
    common += ["--jobs", str(args.jobs)]
    if args.addons_path:
        common += ["--addons-path", args.addons_path]
    processes = [
        subprocess.Popen([*common, "--part", f"{phase}:{part}:{share}"])
        for part, share in enumerate(shares)
        if share
    ]
    if any(process.wait() for process in processes):
        raise SystemExit(f"generating {phase} failed")


def generate_part(env, args):
    """One process's share of the book (``--part PHASE:INDEX:COUNT``)."""
    import odoo  # pylint: disable=import-outside-toplevel

    phase, part, count = args.part.split(":")
    part, count = int(part), int(count)
    gen = DataGenerator(env, seed=42 + part, batch_size=1000, commit=True)
    partners = customers(gen.env, args.customers)
    if phase == "invoices":
        this_month = odoo.fields.Date.context_today(env["res.partner"]).replace(day=1)
        gen.invoices(
            partners,
            products(gen.env),
            args.months,
            count,
            start=this_month - relativedelta(months=args.months),
            refund_ratio=0.05,
            salespeople=gen.salespeople(),  # made by build(), found here
            journal=journals(gen.env, "sale", args.jobs)[part],
        )
    elif phase == "payments":
        # each process pays the invoices of its own customers
        own = partners.filtered(lambda p: p.id % args.jobs == part)
        gen.payments(
            gen.env["account.move"].search(
                invoice_domain(own) + [("payment_state", "=", "not_paid")]
            ),
            count,
            partial_ratio=0.1,
            journal=journals(gen.env, "bank", args.jobs)[part],
        )
    else:
        gen.sale_orders(partners, products(gen.env), count)


def vacuum_analyze(database):
    """What autovacuum does to a production database after such a load: without fresh
    statistics PostgreSQL plans every query for tables of a few rows."""
    import psycopg2  # pylint: disable=import-outside-toplevel

    from odoo.sql_db import connection_info_for  # pylint: disable=import-outside-toplevel

    print("vacuum analyze", flush=True)
    with closing(psycopg2.connect(**connection_info_for(database)[1])) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM ANALYZE res_partner, account_move, account_move_line,"
                " account_partial_reconcile, account_full_reconcile, account_payment,"
                " sale_order, sale_order_line"
            )
