from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.customer_archive.tools import bulk_insert

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestCollections(StatementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.to_date("2026-06-15")
        # a new company starts with the shipped levels: 3 days before the due date, then
        # 1, 30, 60 and 90 days overdue
        levels = cls.env["sales.collection.level"].search([("company_id", "=", cls.company.id)])
        by_days = {level.days: level for level in levels}
        cls.before_due, cls.overdue, cls.overdue_30, cls.overdue_60 = (
            by_days[days] for days in (-3, 1, 30, 60)
        )
        cls.Reminder = cls.env["sales.collection.reminder"]

    def _due_in(self, days, amount=1000.0):
        due = self.today + timedelta(days=days)
        return self._invoice(self.customer, amount, due - timedelta(days=30), due=due)

    def _raise(self, today=None):
        self.Reminder._cron_raise_reminders(today or self.today)

    def _reminders(self, invoice):
        return self.Reminder.search([("move_id", "=", invoice.id)])

    def test_warning_before_due_once_with_a_todo_for_the_salesperson(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.salesman.lang = "zh_CN"
        soon = self._due_in(2)
        later = self._due_in(10)
        self._raise()
        self._raise()
        reminder = self._reminders(soon)
        self.assertEqual(reminder.level_id, self.before_due)
        self.assertEqual(reminder.user_id, self.salesman)
        self.assertEqual(reminder.days_from_due, -2)
        self.assertEqual(reminder.amount_residual, 1000.0)
        activity = reminder.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        # The job runs in English; the to-do reads in the salesperson's language.
        collection = self.env.ref("sales_reconciliation.mail_activity_type_collection")
        self.assertEqual(activity.summary, collection.with_context(lang="zh_CN").summary)
        self.assertFalse(self._reminders(later))

    def test_each_level_once_and_only_the_highest_reached(self):
        invoice = self._due_in(-35)
        self._raise()
        # Found 35 days late: the 30-day level, not the 1-day one it missed.
        self.assertEqual(self._reminders(invoice).level_id, self.overdue_30)
        self._raise(self.today + timedelta(days=10))
        self.assertEqual(self._reminders(invoice).level_id, self.overdue_30)
        self._raise(self.today + timedelta(days=26))
        self._raise(self.today + timedelta(days=27))
        self.assertEqual(self._reminders(invoice).level_id, self.overdue_30 | self.overdue_60)

    def test_paid_invoices_and_other_companies_raise_nothing(self):
        paid = self._due_in(-5, amount=300.0)
        self._pay(paid, 300.0, self.today - timedelta(days=1))
        other_company = self.setup_other_company()["company"]
        self.assertTrue(
            self.env["sales.collection.level"].search([("company_id", "=", other_company.id)])
        )
        self._raise()
        self.assertFalse(self._reminders(paid))

    def test_bulk_insert_refuses_an_invoice_of_another_company(self):
        """The job writes reminders in one query (``bulk_insert``): its company check is set
        based, and still refuses what ``create()`` would."""
        invoice = self._due_in(-5)
        other_company = self.setup_other_company()["company"]
        level = self.env["sales.collection.level"].search(
            [("company_id", "=", other_company.id), ("days", "=", 1)]
        )
        with self.assertRaisesRegex(UserError, "move_id"):
            bulk_insert(
                self.Reminder.sudo(),
                [{"company_id": other_company.id, "move_id": invoice.id, "level_id": level.id}],
            )

    def test_promise_to_pay_closes_the_todo_and_plans_the_check(self):
        reminder = self._due_in(-3)
        self._raise()
        reminder = self._reminders(reminder).with_user(self.salesman)
        promised = self.today + timedelta(days=7)
        reminder.write(
            {"promise_date": promised, "promise_amount": 1000.0, "promise_note": "财务周五付款"}
        )
        activity = reminder.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("sales_reconciliation.mail_activity_type_collection_promise"),
        )
        self.assertEqual(activity.date_deadline, promised)
        # What the job found is not the salesperson's to change.
        with self.assertRaises(AccessError):
            reminder.write({"level_id": self.before_due.id})
        with self.assertRaises(AccessError):
            reminder.write({"amount_residual": 1.0})

    def test_salesperson_sees_his_own_reminders_only(self):
        invoice = self._due_in(-3)
        other_customer_invoice = self._invoice(
            self.other_customer,
            500.0,
            self.today - timedelta(days=40),
            due=self.today - timedelta(days=10),
        )
        self._raise()
        mine = self.Reminder.with_user(self.salesman).search([])
        self.assertEqual(mine.move_id, invoice)
        self.assertIn(
            other_customer_invoice,
            self.Reminder.with_user(self.finance).search([]).move_id,
        )
        with self.assertRaises(AccessError):
            self.Reminder.with_user(self.salesman).create(
                {
                    "company_id": self.company.id,
                    "move_id": invoice.id,
                    "level_id": self.overdue.id,
                }
            )

    def test_dunning_letter_lists_the_open_invoices_and_is_sent_by_the_composer(self):
        first = self._due_in(-31, amount=1200.0)
        second = self._due_in(-5, amount=800.0)
        self._raise()
        reminder = self._reminders(first)
        report = self.env.ref("sales_reconciliation.sales_collection_letter_report_action")
        html = report._render_qweb_html(report, reminder.ids)[0].decode()
        self.assertIn(first.name, html)
        self.assertIn(second.name, html)
        self.assertIn("2,000.00", html)
        action = reminder.with_user(self.salesman).action_send_letter()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(first.name, composer.subject)
        composer._action_send_mail()
        message = reminder.message_ids[:1]
        self.assertIn(self.customer, message.partner_ids)

    def test_job_queries_do_not_grow_with_the_invoices(self):
        # as the scheduler runs it: no test context switching the chatter off
        Reminder = self.Reminder.with_context(tracking_disable=False)
        mails = self.env["mail.mail"].sudo()
        mails_before = mails.search_count([])
        for days in (-2, -2):
            self._due_in(days)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Reminder._cron_raise_reminders(self.today)
        few = self.env.cr.sql_log_count - before
        # more than the ORM's batches of a hundred rows
        for _invoice in range(101):
            self._due_in(-2)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Reminder._cron_raise_reminders(self.today)
        many = self.env.cr.sql_log_count - before
        self.assertLessEqual(many, few, (few, many))
        reminders = self.Reminder.search([])
        self.assertEqual(len(reminders), 103)
        # each with its to-do for the salesperson, who follows it
        self.assertEqual(len(reminders.activity_ids), 103)
        self.assertEqual(reminders.activity_ids.user_id, self.salesman)
        self.assertEqual(reminders[0].activity_ids.res_name, reminders[0].move_id.name)
        self.assertEqual(reminders.message_partner_ids, self.salesman.partner_id)
        self.assertTrue(
            reminders[0].message_follower_ids.subtype_ids & self.env.ref("mail.mt_comment")
        )
        # nor an "assigned to you" e-mail per reminder
        self.assertEqual(mails.search_count([]), mails_before)
