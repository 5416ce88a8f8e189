"""Benchmark of installing the suite into a company's existing database.

The users are companies already on Odoo, with years of invoices: every stored field the
suite adds to their big tables (``res.partner``, ``account.move``, ``account.move.line``,
``sale.order``, ...) is filled at install for every existing row. This script

* builds (once, committed, reused and completed by later runs) a plain Odoo database
  ``--database`` without the suite: Odoo's ``account``, ``sale_management`` and ``crm``
  and the suite's other dependencies (``portal``, ``resource``, ``report_xlsx``), no
  demo data, with a book made by the shared generator ``data_generator.py``: CUSTOMERS
  customers, INVOICES posted invoices and credit notes, PAYMENTS payments reconciled with
  them and ORDERS sale orders (partly confirmed and invoiced);
* copies it (``CREATE DATABASE ... TEMPLATE``) and installs the suite into the copy with
  ``odoo -i`` (no demo), as an administrator would, and prints the wall time, the time
  and queries of each module (from Odoo's log) and the stored fields that Odoo computed
  in Python for the existing rows (``Prepare computation of ...``: each one is a loop
  over a whole table, to be replaced by a ``pre_init_hook`` filling the column in SQL);
* checks the installed database: every customer should have its customer code and its
  dossier (``customer.archive``), made by the ``post_init_hook`` of ``customer_archive``;
  until that hook exists the counts of customers without them are reported, afterwards
  any such customer fails the run (exit code 1); and the suite's stored computed fields
  on the big tables, as filled at install, are compared with the ORM's computation on a
  sample of rows.

With ``--repeat N`` the suite is installed N times, each time into a fresh copy, and the
best times are kept. The copy is dropped at the end unless ``--keep``. Usage::

    .venv/bin/python tests/benchmarks/install_benchmark.py --database bench_plain \\
        [--customers 1000 --invoices 100000 --payments 80000 --orders 10000 --months 24]
"""

import argparse
import os
import re
import subprocess
import sys
import time
from contextlib import closing

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402  (the sibling module of this script)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# What a company's database has before the suite: the suite's dependencies outside it,
# so that the timing counts the suite's own modules only.
PLAIN_MODULES = ("account", "sale_management", "crm", "portal", "resource", "report_xlsx")
# complaint_tracking_sales_ledger is installed automatically with the last two,
# record_retention with customer_archive
SUITE = (
    "resource_workday_cn",
    "customer_archive",
    "sales_ledger",
    "sales_reconciliation",
    "complaint_tracking",
)
SUITE_ALL = ("record_retention", *SUITE, "complaint_tracking_sales_ledger")
# tables with a row per document or item: a Python loop over them at install is what hurts
BIG_MODELS = (
    "res.partner",
    "account.move",
    "account.move.line",
    "account.partial.reconcile",
    "account.payment",
    "sale.order",
    "sale.order.line",
    "mail.message",
)
MODULE_LOG = re.compile(
    r"Module (\w+) loaded in ([\d.]+)s(?: \(incl\. [\d.]+s test\))?, (\d+) queries"
)
LOADING_LOG = re.compile(r"Loading module (\w+) \(")
COMPUTE_LOG = re.compile(r"Prepare computation of ([\w.]+)")


# ---------------------------------------------------------------------- databases
def pg_connect(dbname="postgres"):
    """An autocommit connection, to be closed (``contextlib.closing``)."""
    import psycopg2  # pylint: disable=import-outside-toplevel

    from odoo.sql_db import connection_info_for  # pylint: disable=import-outside-toplevel

    connection = psycopg2.connect(**connection_info_for(dbname)[1])
    connection.autocommit = True
    return connection


def fetch(dbname, query, params=None):
    """The rows of one query in ``dbname``, on a connection of its own."""
    with closing(pg_connect(dbname)) as connection, connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def db_exists(name):
    return bool(fetch("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [name]))


def drop_db(name):
    fetch("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_db(source, target):
    drop_db(target)
    fetch("postgres", f'CREATE DATABASE "{target}" WITH TEMPLATE "{source}"')


def odoo_command(args, database, *extra):
    return [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        args.config,
        f"--addons-path={args.addons_path}",
        "-d",
        database,
        "--without-demo=all",
        "--stop-after-init",
        "--no-http",
        *extra,
    ]


def create_plain(args):
    """The company's database before the suite: Odoo's apps, no demo data."""
    print(f"creating {args.database} with {', '.join(PLAIN_MODULES)}", flush=True)
    subprocess.run(
        odoo_command(args, args.database, "-i", ",".join(PLAIN_MODULES), "--log-level=warn"),
        check=True,
    )


def installed(database, names):
    rows = fetch(
        database,
        "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
        [list(names)],
    )
    return {name for (name,) in rows}


# ---------------------------------------------------------------------- the book
def describe_book(args):
    [(partners, invoices, payments, orders, moves, items)] = fetch(
        args.database,
        """SELECT (SELECT COUNT(*) FROM res_partner),
                  (SELECT COUNT(*) FROM account_move
                    WHERE move_type IN ('out_invoice', 'out_refund') AND state = 'posted'),
                  (SELECT COUNT(*) FROM account_payment),
                  (SELECT COUNT(*) FROM sale_order),
                  (SELECT COUNT(*) FROM account_move),
                  (SELECT COUNT(*) FROM account_move_line)""",
    )
    print(
        f"book: {partners} partners, {invoices} invoices and credit notes, {payments} "
        f"payments, {orders} sale orders; {moves} journal entries, {items} journal items",
        flush=True,
    )


# ---------------------------------------------------------------------- the install
def install_suite(args):
    """Install the suite into a fresh copy as ``odoo -i`` does; the wall time, each module's
    time and queries and the fields computed in Python for existing rows, from its log."""
    copy_db(args.database, args.copy)
    command = odoo_command(
        args,
        args.copy,
        "-i",
        ",".join(SUITE),
        "--log-level=info",
        # the languages of the database are loaded with each module; reloading them
        # all (the configuration's load_language) is no part of installing the suite
        "--load-language=",
    )
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    log = result.stdout + result.stderr
    if args.log:
        with open(args.log, "w", encoding="utf-8") as file:
            file.write(log)
    if result.returncode or " ERROR " in log:
        errors = [line for line in log.splitlines() if " ERROR " in line or "Traceback" in line]
        print("\n".join(errors[:20]) or log[-3000:])
        raise SystemExit(f"installing the suite failed ({result.returncode})")
    modules, computed, current = {}, {}, None
    for line in log.splitlines():
        if match := LOADING_LOG.search(line):
            current = match.group(1)
        elif match := COMPUTE_LOG.search(line):
            computed.setdefault(current, []).append(match.group(1))
        elif (match := MODULE_LOG.search(line)) and match.group(1) in SUITE_ALL:
            modules[match.group(1)] = (float(match.group(2)), int(match.group(3)))
    return elapsed, modules, computed


def report_install(runs):
    """Best of the runs: wall time and, module by module, time and queries."""
    elapsed = min(run[0] for run in runs)
    modules, computed = runs[0][1], runs[0][2]
    print(
        f"install of {', '.join(SUITE)} (odoo -i, no demo), best of {len(runs)}: "
        f"{elapsed:.1f} s wall time ({', '.join(f'{run[0]:.1f}' for run in runs)})"
    )
    suite_time = 0.0
    for name in modules:  # in the order of the log
        seconds = min(run[1][name][0] for run in runs)
        suite_time += seconds
        print(f"  {name:<34} {seconds:8.2f} s {modules[name][1]:8d} queries")
        for field in computed.get(name, []):
            print(f"      computed in Python for existing rows: {field}")
    print(f"  {'suite modules':<34} {suite_time:8.2f} s (the rest: loading the registry)")


# ---------------------------------------------------------------------- checks
def check_customers(args):
    """Customers without customer code or dossier after the install."""
    import odoo  # pylint: disable=import-outside-toplevel

    manifest = odoo.modules.module.get_manifest("customer_archive")
    [(customers, without_code, without_dossier)] = fetch(
        args.copy,
        """SELECT COUNT(*),
                  COUNT(*) FILTER (WHERE COALESCE(p.customer_code, '') = ''),
                  COUNT(*) FILTER (WHERE NOT EXISTS (
                      SELECT 1 FROM customer_archive a WHERE a.partner_id = p.id))
             FROM res_partner p
            WHERE p.parent_id IS NULL AND p.customer_rank > 0 AND p.active""",
    )
    print(
        f"customers: {customers}; without customer code: {without_code}; "
        f"without dossier: {without_dossier}"
    )
    if not manifest.get("post_init_hook"):
        print("  (customer_archive has no post_init_hook yet: reported, not checked)")
        return True
    return not without_code and not without_dossier


def check_stored_fields(args, sample):
    """The suite's stored computed fields on the big tables, as filled at install,
    against the ORM's computation on ``sample`` rows of each table."""
    import odoo  # pylint: disable=import-outside-toplevel

    registry = odoo.modules.registry.Registry(args.copy)
    agree = True
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        for model_name in BIG_MODELS:
            Model = env[model_name].with_context(active_test=False)
            fields = [
                field
                for field in Model._fields.values()
                if field.store
                and field.compute
                and field.column_type
                and set(field._modules or ()) & set(SUITE_ALL)
            ]
            if not fields:
                continue
            records = Model.search([], order="id desc", limit=sample)
            stored = {field: {r.id: r[field.name] for r in records} for field in fields}
            env.invalidate_all()
            for field in fields:
                env.add_to_compute(field, records)
            for field in fields:
                wrong = sum(1 for r in records if r[field.name] != stored[field].get(r.id))
                agree = agree and not wrong
                print(
                    f"  {model_name}.{field.name}: {len(records)} rows, {wrong} differ "
                    "from the ORM's computation"
                )
            cr.rollback()
            env.invalidate_all()
    odoo.sql_db.close_db(args.copy)
    return agree


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", required=True, help="plain database with the book (made if missing)"
    )
    parser.add_argument(
        "--copy", help="database the suite is installed into (default: DATABASE_install)"
    )
    parser.add_argument("--config", default="odoo.conf")
    parser.add_argument(
        "--addons-path",
        help="defaults to this repository and Odoo's own addons folder",
    )
    book.add_arguments(parser, orders=10000)
    parser.add_argument("--repeat", type=int, default=1, help="installs (best is kept)")
    parser.add_argument("--sample", type=int, default=500, help="rows compared per table")
    parser.add_argument("--log", help="write Odoo's install log to this file")
    parser.add_argument("--keep", action="store_true", help="keep the installed copy")
    args = parser.parse_args()
    args.copy = args.copy or f"{args.database}_install"

    import odoo  # pylint: disable=import-outside-toplevel

    args.addons_path = args.addons_path or ",".join(
        [ROOT, os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "addons")]
    )
    odoo.tools.config.parse_config(
        [
            "-c",
            args.config,
            "-d",
            args.database,
            f"--addons-path={args.addons_path}",
            "--log-level=warn",
        ]
    )
    # the generating processes load the registry at once: none may (re)load languages
    odoo.tools.config["load_language"] = None
    if args.part:
        registry = odoo.modules.registry.Registry(args.database)
        with registry.cursor() as cr:
            book.generate_part(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
        return 0

    if not db_exists(args.database):
        create_plain(args)
    if installed(args.database, SUITE_ALL):
        raise SystemExit(f"{args.database} has modules of the suite: it is no plain database")
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        book.build(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args, os.path.abspath(__file__))
    odoo.modules.registry.Registry.delete(args.database)
    odoo.sql_db.close_db(args.database)
    describe_book(args)

    try:
        report_install([install_suite(args) for _run in range(args.repeat)])
        customers_ok = check_customers(args)
        print(f"stored computed fields of the suite on big tables (sample of {args.sample}):")
        fields_ok = check_stored_fields(args, args.sample)
    finally:
        if not args.keep:
            drop_db(args.copy)
    return 0 if customers_ok and fields_ok else 1


if __name__ == "__main__":
    sys.exit(main())
