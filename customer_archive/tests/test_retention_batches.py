import base64
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common_retention import RetentionCommon

# Upper bound of the queries one more batch may cost (archive or delete of contacts).
# Relative counts keep the test valid when other modules extend res.partner.
QUERIES_PER_BATCH_MAX = 40


@tagged("post_install", "-at_install", "is_query_count")
class TestRetentionBatches(RetentionCommon):
    """Sweeping costs the same whatever the number of due records; executing costs a
    bounded number of queries per batch, whatever the size of the batch."""

    def _due_partners(self, count, action, batch_size):
        policy = self._create_partner_policy(action=action, batch_size=batch_size)
        tag = self.env["res.partner.category"].create({"name": f"Batch {count}"})
        policy.domain = f"[('category_id', 'in', [{tag.id}])]"
        self._create_partners(count, category_id=[(6, 0, tag.ids)])
        self.env.flush_all()
        self.env.invalidate_all()
        return policy

    def _count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        result = func()
        self.env.flush_all()
        return result, self.cr.sql_log_count - start

    def _sweep(self, policy):
        request, queries = self._count_queries(
            lambda: policy._run_sweep(self.today + relativedelta(years=2))
        )
        request.action_submit()
        self._approve(request)
        return request, queries

    def test_sweep_query_count_independent_of_record_count(self):
        self._sweep(self._due_partners(5, "archive", 10))  # warm the caches
        request_20, queries_20 = self._sweep(self._due_partners(20, "archive", 10))
        request_40, queries_40 = self._sweep(self._due_partners(40, "archive", 10))
        self.assertEqual((request_20.line_count, request_40.line_count), (20, 40))
        self.assertEqual(queries_40, queries_20)

    def test_execute_query_count_per_batch(self):
        for action in ("archive", "delete"):
            with self.subTest(action=action):
                warmup, _queries = self._sweep(self._due_partners(5, action, 10))
                warmup.action_execute()
                two_batches, _queries = self._sweep(self._due_partners(20, action, 10))
                _result, queries_2 = self._count_queries(two_batches.action_execute)
                # same number of batches, twice the records: same number of queries
                bigger, _queries = self._sweep(self._due_partners(40, action, 20))
                _result, queries_big = self._count_queries(bigger.action_execute)
                self.assertEqual(queries_big, queries_2)
                # two more batches cost at most two batch budgets
                four_batches, _queries = self._sweep(self._due_partners(40, action, 10))
                with self.assertQueryCount(queries_2 + 2 * QUERIES_PER_BATCH_MAX):
                    four_batches.action_execute()
                for request in (two_batches, bigger, four_batches):
                    self.assertEqual(request.state, "done")
                    self.assertEqual(request.done_count, request.line_count)
                    self.assertEqual(len(request.log_ids), 1)

    def test_background_execution_resumes_where_it_stopped(self):
        """The scheduler executes one step per transaction (check and export, each batch,
        the log): a worker killed in the middle of a batch loses that batch only, and the
        next call goes on from there, without exporting again."""
        request, _queries = self._sweep(self._due_partners(25, "delete", 10))
        partners = self.env["res.partner"].browse(request.line_ids.mapped("res_id"))
        request.action_execute_in_background()
        self.assertTrue(request.execution_queued)
        cron, progress = self.env.ref(
            "record_retention.ir_cron_archive_destruction_execute"
        )._add_progress()
        Requests = self.env["archive.destruction.request"].with_context(**cron.env.context)
        Requests._cron_execute()  # check and export
        export = request.export_attachment_id
        self.assertEqual(base64.b64decode(export.datas).decode("utf-8-sig").count("\n"), 26)
        self.assertEqual((request.pending_count, progress.remaining), (25, 1))
        Requests._cron_execute()  # first batch
        self.assertEqual((request.done_count, request.pending_count), (10, 15))
        # the worker dies in the second batch: its transaction is rolled back
        Request = type(request)
        with (
            patch.object(Request, "_process_batch", side_effect=KeyboardInterrupt),
            self.assertRaises(KeyboardInterrupt),
            self.env.cr.savepoint(),
        ):
            Requests._cron_execute()
        self.env.invalidate_all()
        self.assertEqual((request.done_count, request.pending_count), (10, 15))
        self.assertEqual(len(partners.exists()), 15)
        # the next calls resume: no new check or export, the remaining batches, the log
        with patch.object(Request, "_write_export", side_effect=AssertionError("exported")):
            for _call in range(5):
                Requests._cron_execute()
                if not request.execution_queued:
                    break
        self.assertEqual(request.state, "done")
        self.assertFalse(partners.exists())
        self.assertEqual(request.export_attachment_id, export)
        self.assertEqual(len(request.log_ids), 1)
        self.assertEqual(request.log_ids.done_count, 25)
        self.assertEqual(request.log_ids.export_attachment_id, export)
        self.assertEqual(progress.remaining, 0)
