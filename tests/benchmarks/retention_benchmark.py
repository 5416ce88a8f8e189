#!/usr/bin/env python3
"""Sweep and execute a retention policy over many due records; prints records/second.

    .venv/bin/python tests/benchmarks/retention_benchmark.py --database NAME \
        [--count 20000] [--action delete|archive|anonymize] [--batch-size 1000]

NAME is a database where customer_archive is installed (the engine is record_retention's, CRM
leads take part in retention through customer_archive). The benchmark makes COUNT CRM
opportunities whose expected closing date is six years ago, a policy keeping them five
years, sweeps them into a destruction request, approves it (its tier) and executes it in the
background (export with SHA-256, then one batch per step); the worker is killed halfway and
the execution resumes. The queries of a batch do not depend on the number of records: the
script fails when a batch, before or after the interruption, takes more than
QUERIES_PER_BATCH. Everything happens in one transaction that is rolled back at the end: the
database is left as it was.
"""

import argparse
import contextlib
import importlib
import sys
import time
from pathlib import Path
from unittest.mock import patch

ROOT = Path(__file__).resolve().parents[2]
# Upper bound of the queries of one batch (measured: ~27, ~31 with the log at the end).
QUERIES_PER_BATCH = 50


def addons_path():
    root = Path(importlib.import_module("odoo").__file__).resolve().parent.parent
    return ",".join(str(p) for p in (ROOT, root / "addons") if p.is_dir())


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--action", choices=("delete", "archive", "anonymize"), default="delete")
    parser.add_argument("--batch-size", type=int, default=1000)
    return parser.parse_args()


def timed(label, count, func):
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {count:>7} records {elapsed:8.2f} s {count / elapsed:10.0f} records/s")
    return result


def run(env, args):
    from dateutil.relativedelta import relativedelta

    from odoo import fields

    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    today = fields.Date.context_today(env.user)
    tag = env["crm.tag"].create({"name": "Retention benchmark"})
    Lead = env["crm.lead"]

    def create_leads():
        for start in range(0, args.count, 1000):
            Lead.create(
                [
                    {
                        "name": f"Benchmark lead {index}",
                        "type": "opportunity",
                        "email_from": f"lead{index}@example.com",
                        "phone": "021-5555-0000",
                        "date_deadline": today - relativedelta(years=6),
                        "tag_ids": [(4, tag.id)],
                    }
                    for index in range(start, min(start + 1000, args.count))
                ]
            )
            env.flush_all()
            env.invalidate_all()

    timed("setup: create due leads", args.count, create_leads)
    fields_model = env["ir.model.fields"]
    policy = env["archive.retention.policy"].create(
        {
            "name": "Benchmark: leads kept 5 years",
            "model_id": env["ir.model"]._get("crm.lead").id,
            "date_field_id": fields_model._get("crm.lead", "date_deadline").id,
            "period_value": 5,
            "period_unit": "years",
            "action": args.action,
            "anonymize_field_ids": [
                (6, 0, [fields_model._get("crm.lead", name).id for name in ("email_from", "phone")])
            ],
            "batch_size": args.batch_size,
            "domain": f"[('tag_ids', 'in', [{tag.id}])]",
        }
    )
    env.flush_all()
    env.invalidate_all()

    counts = timed("preview (dry run)", args.count, lambda: policy._preview_counts()[policy.id])
    print(f"  preview: {counts}")

    def sweep():
        request = policy.action_run_sweep()
        env.flush_all()
        return request

    start_queries = env.cr.sql_log_count
    request = timed("sweep", args.count, sweep)
    sweep_queries = env.cr.sql_log_count - start_queries
    request.action_submit()
    # The administrator, an archive administrator who did not request it, approves it.
    request.with_user(env.ref("base.user_admin"))._demo_tier_decide("benchmark")
    env.flush_all()
    env.invalidate_all()

    # Executed in the background, one step per call of the scheduler (check and export,
    # each batch, the log); a worker dies halfway, in the middle of a batch, and the next
    # calls resume where it stopped.
    request.action_execute_in_background()
    Requests = env["archive.destruction.request"]

    def step():
        Requests._cron_execute()
        env.flush_all()

    def queries_of(func):
        start_queries = env.cr.sql_log_count
        func()
        return env.cr.sql_log_count - start_queries

    batches = -(-args.count // args.batch_size)
    half = batches // 2
    export_queries = queries_of(lambda: timed("check and export", args.count, step))
    first_queries = queries_of(
        lambda: timed(
            f"execute {half} batches",
            min(args.count, half * args.batch_size),
            lambda: [step() for _batch in range(half)],
        )
    )
    with (
        patch.object(type(request), "_process_batch", side_effect=KeyboardInterrupt),
        contextlib.suppress(KeyboardInterrupt),
        env.cr.savepoint(),
    ):
        step()  # the worker is killed: its transaction is rolled back
    env.invalidate_all()
    print(f"  interrupted: {request.done_count} processed, {request.pending_count} pending")

    def resume():
        while request.execution_queued:
            step()

    resume_queries = queries_of(
        lambda: timed(f"resume ({args.action})", request.pending_count, resume)
    )
    print(
        f"  request {request.name}: state {request.state}, {request.done_count} processed, "
        f"{request.skipped_count} skipped, {request.failed_count} failed, "
        f"{len(request.log_ids)} log entry"
    )
    print(
        f"  export {request.export_attachment_id.file_size / 1024:.0f} KiB, "
        f"SHA-256 {request.export_sha256}"
    )
    print(
        f"  queries: sweep {sweep_queries}, check and export {export_queries}, "
        f"{half} batches {first_queries} ({first_queries / max(half, 1):.1f} per batch), "
        f"resume {resume_queries} ({batches - half} batches and the log, "
        f"{resume_queries / max(batches - half, 1):.1f} per batch)"
    )
    if request.state != "done" or request.done_count != args.count:
        sys.exit("the request did not process every record")
    per_batch = max(first_queries / max(half, 1), resume_queries / max(batches - half, 1))
    if per_batch > QUERIES_PER_BATCH:
        sys.exit(f"{per_batch:.1f} queries per batch: more than {QUERIES_PER_BATCH}")
    print(f"  bounded: at most {per_batch:.1f} queries per batch (limit {QUERIES_PER_BATCH})")


def main():
    args = parse_args()
    import odoo
    from odoo.tools import config

    config.parse_config(
        [
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={addons_path()}",
            "-d",
            args.database,
            "--log-level=warn",
        ]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            run(env, args)
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()
