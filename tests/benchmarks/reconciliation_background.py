"""The background jobs of sales_reconciliation, measured by ``reconciliation_benchmark.py``.

* Sending statements: the PDF of each statement rendered and attached, one statement at a
  time as "Send" does for a few, against the background job (queued as "Send" does for many,
  then the job's method run batch after batch, as the cron would): seconds per statement.
* The daily collections job (``sales.collection.reminder._cron_raise_reminders``) over all
  open invoices, run as on two days (halfway through the book and at the end of the
  statement month): its queries do not depend on the number of invoices.

Everything is rolled back: the e-mails of the statements are only queued ``mail.mail``
records, sent after a commit that never comes.
"""

import logging
import time


def start_http_server(env):
    """Serve this database's assets from this process, as a running server would:
    wkhtmltopdf fetches the report's style sheets from ``report.url``."""
    import odoo  # pylint: disable=import-outside-toplevel

    odoo.service.server.load_server_wide_modules()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per asset fetched
    server = odoo.service.server.ThreadedServer(odoo.http.root)
    server.interface = "127.0.0.1"
    server.http_spawn()
    env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{server.port}")
    return server


def _time(env, func):
    env.flush_all()
    start = time.perf_counter()
    func()
    env.flush_all()
    return time.perf_counter() - start


def _sent(statements):
    statements.invalidate_recordset(["sending_state"])
    return statements.filtered(lambda s: s.sending_state == "sent")


def measure_sending(env, partners, month_start, month_end, count):
    """Seconds per statement: "Send" on each statement alone, and the background job."""
    Statement = env["sales.statement"]
    statements = Statement.generate_statements(month_start, month_end, partners)[:count]
    for partner in statements.partner_id:
        # the book's customers have no e-mail address: "Send" would refuse them
        partner.email = f"ap-{partner.ref or partner.id}@example.com"
    print(f"sending: {len(statements)} statements of {month_start:%Y-%m}", flush=True)
    if not statements:
        return
    # the first rendering has the server build the report's assets: in neither figure
    statements[0]._render_pdf()
    env.flush_all()  # the statements and addresses stay when a measurement is rolled back

    savepoint = env.cr.savepoint(flush=False)
    one_by_one = _time(env, lambda: [statement.action_send() for statement in statements])
    done = len(_sent(statements))
    savepoint.close(rollback=True)
    env.invalidate_all()
    print(
        f"{'one at a time (action_send per statement)':<62} {one_by_one / len(statements):8.2f} s"
        f" per statement ({done} sent, {one_by_one:.1f} s)",
        flush=True,
    )

    savepoint = env.cr.savepoint(flush=False)
    runs = []

    def background():
        statements.action_send_background()
        while Statement.search_count([("sending_state", "=", "queued")]):
            before = env.cr.sql_log_count
            Statement._cron_send_statements()
            runs.append(env.cr.sql_log_count - before)

    amortized = _time(env, background)
    done = len(_sent(statements))
    savepoint.close(rollback=True)
    env.invalidate_all()
    print(
        f"{'background job (queued, then batches of the cron method)':<62} "
        f"{amortized / len(statements):8.2f} s per statement amortized ({done} sent, "
        f"{amortized:.1f} s, {len(runs)} batches, {max(runs, default=0)} queries at most "
        f"per batch)",
        flush=True,
    )


def measure_collections(env, partners, book_start, last_day):
    """Queries of the daily collections job run on ``last_day`` and halfway from the book's
    start to it: the book half as large, and whole (after a first run, not counted, that
    fills the caches)."""
    Reminder = env["sales.collection.reminder"]
    engine = env["sales.receivable.engine"]
    counts = []
    halfway = book_start + (last_day - book_start) // 2
    for run, day in enumerate((halfway, halfway, last_day)):
        open_moves = engine._open_moves(env.company, day, partners.ids, key="commercial_partner_id")
        savepoint = env.cr.savepoint(flush=False)
        env.flush_all()
        env.invalidate_all()
        before_reminders = Reminder.search_count([])
        before = env.cr.sql_log_count
        start = time.perf_counter()
        Reminder._cron_raise_reminders(today=day)
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - before
        made = Reminder.search_count([]) - before_reminders
        savepoint.close(rollback=True)
        env.invalidate_all()
        print(
            f"{f'collections job as of {day} ({len(open_moves)} open entries)':<62} "
            f"{elapsed:8.2f} s {queries:7d} queries, {made} reminders"
            f"{' (warm-up, not counted)' if run == 0 else ''}",
            flush=True,
        )
        counts.append((len(open_moves), queries))
    _warm_up, (fewer, small), (more, large) = counts
    verdict = (
        f"{small} and {large}: they grow with them"
        if large > small
        else f"{small} and {large}: independent of them"
    )
    print(f"collections job queries for {fewer} and {more} open entries: {verdict}")
