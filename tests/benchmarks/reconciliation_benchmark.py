"""Benchmark of sales_reconciliation: statement generation and AR aging at scale.

Builds (once, committed, reused and completed by later runs) a book of CUSTOMERS customers
with INVOICES posted invoices and credit notes and PAYMENTS payments spread over MONTHS
months with the shared generator ``data_generator.py``, then measures in one run:

* ``sales.statement.generate_statements`` for the last month and all customers;
* the AR aging of all customers (``report.sales_reconciliation.report_ar_aging``);
* sending statements (PDF rendered and attached) one at a time and in the background, and
  the queries of the daily collections job (``reconciliation_background.py``);
* the OCA peers on the same data, installed from PyPI (``pip install -r
  tests/benchmarks/requirements.txt``) and installed into the database by this script:
  ``partner_statement`` (activity and outstanding statement data) and
  ``account_financial_report`` (aged partner balance);

and prints wall times, query counts and ratios. The measurements are rolled back.

Usage (database with the suite installed, e.g. ``python3 scripts/suite.py run --database bench``)::

    .venv/bin/python tests/benchmarks/reconciliation_benchmark.py --database bench \
        [--customers 1000 --invoices 100000 --payments 80000 --months 24] \
        [--pdf-statements 100]

The PDFs are rendered by wkhtmltopdf, which fetches the report's style sheets from this
process: it serves HTTP on the configuration's ``http_port`` while it runs.
"""

import argparse
import json
import os
import sys
import time

from dateutil.relativedelta import relativedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402  (the sibling module of this script)
import reconciliation_background  # noqa: E402

OCA_PEERS = ("partner_statement", "account_financial_report")


def measure(env, label, func, repeat):
    """Best wall time of ``repeat`` runs of ``func`` (each rolled back) and its queries."""
    best = None
    for _run in range(repeat):
        env.flush_all()
        env.invalidate_all()
        savepoint = env.cr.savepoint(flush=False)
        before = env.cr.sql_log_count
        start = time.perf_counter()
        func()
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - before
        savepoint.close(rollback=True)
        env.invalidate_all()
        best = min(best or (elapsed, queries), (elapsed, queries))
    print(f"{label:<62} {best[0]:8.2f} s {best[1]:7d} queries", flush=True)
    return best


def install_peers(registry):
    """Install the OCA peers into the database when their code is importable."""
    import odoo  # pylint: disable=import-outside-toplevel

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env["ir.module.module"].update_list()
        peers = env["ir.module.module"].search(
            [("name", "in", OCA_PEERS), ("state", "=", "uninstalled")]
        )
        if peers:
            print(f"installing {', '.join(peers.mapped('name'))}", flush=True)
            peers.button_immediate_install()
            return odoo.modules.registry.Registry(registry.db_name)
    return registry


def as_sent(data):
    """Report data as a report action hands it over: through JSON (dates as strings)."""
    return json.loads(json.dumps(data, default=str))


def oca_statement(env, kind, partners, month_start, month_end):
    """The data of an OCA ``partner_statement`` report (``kind``: activity or
    outstanding), prepared by its wizard as a user prints it for these customers."""
    values = {"date_end": month_end, "show_aging_buckets": True}
    if kind == "activity":
        values["date_start"] = month_start
    wizard = env[f"{kind}.statement.wizard"].with_context(active_ids=partners.ids).create(values)
    data = as_sent(wizard._prepare_statement())
    report = env[f"report.partner_statement.{kind}_statement"]
    return lambda: report._get_report_values(partners.ids, dict(data))


def oca_aged_balance(env, partners, month_end):
    """The data of OCA ``account_financial_report``'s aged partner balance, prepared by
    its wizard for the receivable accounts and these customers."""
    accounts = env["account.account"].search(
        [
            ("account_type", "=", "asset_receivable"),
            ("company_ids", "in", env.company.id),
        ]
    )
    wizard = env["aged.partner.balance.report.wizard"].create(
        {
            "date_at": month_end,
            "receivable_accounts_only": True,
            "account_ids": [(6, 0, accounts.ids)],
            "partner_ids": [(6, 0, partners.ids)],
        }
    )
    data = as_sent(wizard._prepare_report_data())
    report = env["report.account_financial_report.aged_partner_balance"]
    return lambda: report._get_report_values(wizard.ids, dict(data))


def check_figures(env, partners, month_start, month_end, with_oca):
    """The generated statements against the ledger and, when installed, the OCA
    activity statement: closing balance, aging total and last running balance."""
    statements = env["sales.statement"].generate_statements(month_start, month_end, partners)
    ledger = dict(
        env["account.move.line"]._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("parent_state", "=", "posted"),
                ("account_id.account_type", "=", "asset_receivable"),
                ("date", "<=", month_end),
            ],
            ["partner_id"],
            ["balance:sum"],
        )
    )
    aging = [name for name in statements._fields if name.startswith("aging_")]
    currency = env.company.currency_id
    oca = {}
    if with_oca:
        data = oca_statement(env, "activity", partners, month_start, month_end)()["data"]
        oca = {key: value["currencies"].get(currency.id) for key, value in data.items()}
    wrong = {"ledger": 0, "aging": 0, "running": 0, "OCA": 0}
    for statement in statements:
        closing = statement.closing_balance
        wrong["ledger"] += not currency.is_zero(closing - ledger.get(statement.partner_id, 0))
        wrong["aging"] += not currency.is_zero(closing - sum(statement[n] for n in aging))
        last = statement.line_ids[-1:]
        wrong["running"] += bool(last) and not currency.is_zero(closing - last.running_balance)
        theirs = oca.get(statement.partner_id.id)
        if theirs:
            wrong["OCA"] += not currency.is_zero(
                closing - theirs["amount_due"]
            ) or not currency.is_zero(statement.opening_balance - theirs["balance_forward"])
    print(
        f"check: {len(statements)} statements, {len(statements.line_ids)} lines; differences "
        + ", ".join(f"{key} {count}" for key, count in wrong.items())
    )


def ratio(label, ours, theirs, target):
    print(
        f"{label:<62} time {ours[0] / theirs[0]:6.2f} (target <= {target}), "
        f"queries {ours[1]:d} vs {theirs[1]:d}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--config", default="odoo.conf")
    parser.add_argument(
        "--addons-path",
        help="defaults to this repository and Odoo's own addons folder",
    )
    book.add_arguments(parser)
    parser.add_argument("--repeat", type=int, default=3, help="runs per job (best is kept)")
    parser.add_argument("--month", help="statement month YYYY-MM (default: the last one)")
    parser.add_argument(
        "--pdf-statements",
        type=int,
        default=100,
        help="statements of the month sent (PDF rendered and attached) one at a time and in "
        "the background; 0: not measured",
    )
    args = parser.parse_args()

    import odoo  # pylint: disable=import-outside-toplevel

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    addons_path = args.addons_path or ",".join(
        [root, os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "addons")]
    )
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, f"--addons-path={addons_path}"]
    )
    # the generating processes load the registry at once: none may (re)load languages
    odoo.tools.config["load_language"] = None
    registry = odoo.modules.registry.Registry(args.database)
    if not args.part:
        registry = install_peers(registry)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        this_month = odoo.fields.Date.context_today(env["res.partner"]).replace(day=1)
        month_start = (
            odoo.fields.Date.to_date(f"{args.month}-01")
            if args.month
            else this_month - relativedelta(months=1)
        )
        month_end = month_start + relativedelta(months=1, days=-1)
        if args.part:
            book.generate_part(env, args)
            return 0
        partners, _made = book.build(env, args, os.path.abspath(__file__))
        cr.execute(
            """SELECT COUNT(*) FILTER (WHERE m.move_type IN ('out_invoice', 'out_refund')),
                      COUNT(*) FILTER (WHERE m.origin_payment_id IS NOT NULL),
                      (SELECT COUNT(*) FROM account_move_line l
                        WHERE l.partner_id = ANY(%(p)s) AND l.parent_state = 'posted')
                 FROM account_move m
                WHERE m.partner_id = ANY(%(p)s) AND m.state = 'posted'""",
            {"p": partners.ids},
        )
        invoices, payments, items = cr.fetchone()
        print(
            f"book: {len(partners)} customers, {invoices} invoices and credit notes, "
            f"{payments} payments, {items} journal items; statement period "
            f"{month_start} .. {month_end}; best of {args.repeat} runs",
            flush=True,
        )
        Statement = env["sales.statement"]
        sample = partners[: max(len(partners) // 10, 1)]
        ours_small = measure(
            env,
            f"sales_reconciliation: generate statements ({len(sample)} customers)",
            lambda: Statement.generate_statements(month_start, month_end, sample),
            args.repeat,
        )
        ours_gen = measure(
            env,
            f"sales_reconciliation: generate statements ({len(partners)} customers)",
            lambda: Statement.generate_statements(month_start, month_end, partners),
            args.repeat,
        )
        ours_aging = measure(
            env,
            f"sales_reconciliation: AR aging ({len(partners)} customers)",
            lambda: env["report.sales_reconciliation.report_ar_aging"]._get_rows(
                env.company, month_end, partners.ids
            ),
            args.repeat,
        )
        print(
            f"queries per customer batch: {ours_small[1]} for {len(sample)} customers, "
            f"{ours_gen[1]} for {len(partners)}"
        )
        installed = set(
            env["ir.module.module"]
            .search([("name", "in", OCA_PEERS), ("state", "=", "installed")])
            .mapped("name")
        )
        if "partner_statement" in installed:
            oca_act = measure(
                env,
                "OCA partner_statement: activity statement data",
                oca_statement(env, "activity", partners, month_start, month_end),
                args.repeat,
            )
            oca_out = measure(
                env,
                "OCA partner_statement: outstanding statement data",
                oca_statement(env, "outstanding", partners, month_start, month_end),
                args.repeat,
            )
            ratio("generation / OCA activity statement", ours_gen, oca_act, 0.5)
            ratio("generation / OCA outstanding statement", ours_gen, oca_out, 0.5)
        else:
            print("partner_statement is not installed: statement comparison skipped")
        if "account_financial_report" in installed:
            oca_aged = measure(
                env,
                "OCA account_financial_report: aged partner balance",
                oca_aged_balance(env, partners, month_end),
                args.repeat,
            )
            ratio("AR aging / OCA aged partner balance", ours_aging, oca_aged, 0.5)
        else:
            print("account_financial_report is not installed: aging comparison skipped")
        check_figures(env, partners, month_start, month_end, "partner_statement" in installed)
        cr.rollback()  # the wizards of the measurements
        reconciliation_background.measure_collections(
            env, partners, this_month - relativedelta(months=args.months), month_end
        )
        if args.pdf_statements:
            reconciliation_background.start_http_server(env)
            reconciliation_background.measure_sending(
                env, partners, month_start, month_end, args.pdf_statements
            )
        cr.rollback()  # the statements sent and their e-mails, never sent
    return 0


if __name__ == "__main__":
    sys.exit(main())
