from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CustomerArchiveCase


@tagged("post_install", "-at_install")
class TestVisitDiscipline(CustomerArchiveCase):
    """Visit discipline (客户拜访制度, 004): targets, the visit record, the coverage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Visit = cls.env["customer.archive.visit"]
        cls.ordinary = cls.env["res.partner"].create(
            {
                "name": "杭州普通纸品有限公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman_2.id,
                "customer_category": "ordinary",
            }
        )

    def _visit(self, user=None, partner=None, days_ago=0, **values):
        return self.Visit.with_user(user or self.salesman).create(
            {
                "partner_id": (partner or self.customer).id,
                "date": fields.Date.today() - timedelta(days=days_ago),
                "purpose": "介绍新型瓦楞纸板",
                **values,
            }
        )

    def _weekly(self, user):
        self.env.flush_all()
        Weekly = self.env["customer.archive.visit.weekly"]
        Weekly.invalidate_model()
        return Weekly.search([("user_id", "=", user.id)])

    def test_default_targets_follow_the_regulation(self):
        important = self.env.ref("customer_archive.visit_rule_important")
        ordinary = self.env.ref("customer_archive.visit_rule_ordinary")
        self.assertEqual((important.visit_count, important.period_days), (2, 7))
        self.assertEqual((ordinary.visit_count, ordinary.period_days), (1, 14))
        self.assertEqual(self.env.company.visit_weekly_target, 20)

    def test_visit_record_counts_in_the_log(self):
        visit = self._visit(
            organization="总经理、采购部、生产部",
            competitor="合兴包装(合作三年)",
            current_price="3.2 元/平方米",
        )
        self.assertEqual(visit.archive_id, self.archive)
        entry = visit.communication_id
        self.assertEqual(entry.archive_id, self.archive)
        self.assertEqual(entry.communication_type, "visit")
        self.assertEqual(entry.user_id, self.salesman)
        self.assertEqual(entry.purpose, "介绍新型瓦楞纸板")
        self.assertTrue(self.archive.visit_overdue, "one visit of two a week")
        self._visit(days_ago=2)
        self.archive.invalidate_recordset(["visit_overdue"])
        self.assertFalse(self.archive.visit_overdue)
        # The checklist stays with the visit: the public log holds the summary only.
        self.assertNotIn("合兴", entry.content or "")
        # Changing the visit changes its log entry.
        visit.with_user(self.salesman).date = fields.Date.today() - timedelta(days=1)
        self.assertEqual(entry.date, fields.Date.today() - timedelta(days=1))

    def test_visit_of_customer_without_dossier_counts(self):
        prospect = self.env["res.partner"].create(
            {"name": "苏州新客户印务有限公司", "is_company": True, "user_id": self.salesman.id}
        )
        self.assertFalse(prospect.archive_id)
        visit = self._visit(partner=prospect)
        self.assertTrue(prospect.archive_id)
        self.assertEqual(visit.communication_id.archive_id, prospect.archive_id)
        self.assertEqual(self._weekly(self.salesman).visits_done, 1)

    def test_system_fields_are_not_for_users(self):
        visit = self._visit()
        other = self._visit(user=self.salesman, days_ago=1)
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman).communication_id = other.communication_id
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman).archive_id = False

    def test_next_visit_becomes_an_activity(self):
        activity_type = self.env.ref("customer_archive.mail_activity_type_next_visit")
        next_day = fields.Date.today() + timedelta(days=5)
        visit = self._visit(next_visit_arrangement="sample", next_visit_date=next_day)
        activity = visit.activity_ids
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.date_deadline, next_day)
        self.assertEqual(visit.communication_id.next_step, activity.summary)
        later = next_day + timedelta(days=2)
        visit.with_user(self.salesman).write(
            {"next_visit_date": later, "next_visit_note": "参观厂房"}
        )
        self.assertEqual(visit.activity_ids, activity, "moved, not doubled")
        self.assertEqual((activity.date_deadline, activity.summary), (later, "参观厂房"))
        visit.with_user(self.salesman).next_visit_date = False
        self.assertFalse(visit.activity_ids)

    def test_visit_access(self):
        visit = self._visit(competitor="合兴包装")
        # The log entry is public (公共台账), the checklist is not.
        self.assertEqual(visit.communication_id.with_user(self.salesman_2).purpose, visit.purpose)
        # A colleague neither reads nor changes it, nor records a visit in another's name.
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman_2).read(["competitor"])
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman_2).write({"competitor": "?"})
        self.assertFalse(self.Visit.with_user(self.salesman_2).search([("id", "=", visit.id)]))
        with self.assertRaises(AccessError):
            self._visit(user=self.salesman_2, user_id=self.salesman.id)
        # His own visits are his to record; deleting them is the manager's.
        with self.assertRaises(AccessError):
            visit.with_user(self.salesman).unlink()
        # The sales manager reads and corrects them all.
        self.assertEqual(visit.with_user(self.sales_manager).competitor, "合兴包装")
        visit.with_user(self.sales_manager).competitor = "正业包装"
        entry = visit.communication_id
        visit.with_user(self.sales_manager).unlink()
        self.assertFalse(entry.exists(), "a deleted visit leaves the log")
        # Another company's visits stay there.
        other_company = self.env["res.company"].create({"name": "成都分公司"})
        foreign = self.Visit.sudo().create(
            {
                "partner_id": self.env["res.partner"]
                .create(
                    {"name": "成都客户有限公司", "is_company": True, "company_id": other_company.id}
                )
                .id,
                "company_id": other_company.id,
                "user_id": self.sales_manager.id,
                "purpose": "拜访",
            }
        )
        self.assertFalse(self.Visit.with_user(self.sales_manager).search([("id", "=", foreign.id)]))

    def test_salesperson_behind_weekly_target_reminded_once(self):
        activity_type = self.env.ref("customer_archive.mail_activity_type_visit_target")
        Users = self.env["res.users"]
        self.salesman.visit_weekly_target = 2
        self._visit()
        self._visit(days_ago=8)  # outside the week
        self.assertIn(self.salesman, Users._cron_visit_target_reminder())
        activity = self.salesman.partner_id.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activity.user_id, self.salesman)
        self.assertNotIn(self.salesman, Users._cron_visit_target_reminder(), "not twice")
        self.assertEqual(len(self.salesman.partner_id.activity_ids), 1)
        # Managers have no target; once on target, no reminder.
        self.assertNotIn(self.sales_manager, Users._visit_salespeople())
        activity.action_feedback(feedback="已补拜访")
        self._visit(days_ago=1)
        self.assertNotIn(self.salesman, Users._cron_visit_target_reminder())

    def test_weekly_target_of_salesperson_team_and_company(self):
        team = self.env["crm.team"].create(
            {"name": "华南销售部", "member_ids": [Command.link(self.salesman.id)]}
        )
        self.env.company.visit_weekly_target = 25
        self.assertEqual(self._weekly(self.salesman).visits_target, 25)
        team.visit_weekly_target = 15
        self.assertEqual(self._weekly(self.salesman).visits_target, 15)
        self.salesman.visit_weekly_target = 12
        line = self._weekly(self.salesman)
        self.assertEqual((line.visits_target, line.team_id), (12, team))
        # A salesperson reads his own line, the sales manager everyone's.
        Weekly = self.env["customer.archive.visit.weekly"]
        self.assertEqual(Weekly.with_user(self.salesman).search([]).user_id, self.salesman)
        self.assertIn(self.salesman_2, Weekly.with_user(self.sales_manager).search([]).user_id)

    def test_coverage(self):
        self._visit()
        self._visit(days_ago=9)  # too old for a weekly plan
        self.assertTrue(self.ordinary.archive_id, "opened with the customer")
        self.env.flush_all()
        Coverage = self.env["customer.archive.visit.coverage"]
        mine = Coverage.with_user(self.salesman).search([])
        self.assertEqual(mine.partner_id, self.customer, "own customers only")
        self.assertEqual(
            (mine.visits_due, mine.visits_done, mine.visits_missing, mine.behind), (2, 1, 1, True)
        )
        everyone = Coverage.with_user(self.sales_manager).search(
            [("partner_id", "in", (self.customer | self.ordinary).ids)]
        )
        self.assertEqual(everyone.partner_id, self.customer | self.ordinary)
        groups = Coverage.with_user(self.sales_manager)._read_group(
            [("partner_id", "in", (self.customer | self.ordinary).ids)],
            ["user_id"],
            ["visits_due:sum", "visits_done:sum"],
        )
        self.assertEqual(
            {user: (due, done) for user, due, done in groups},
            {self.salesman: (2, 1), self.salesman_2: (1, 0)},
        )
        self._visit(days_ago=3)
        self.env.flush_all()
        Coverage.invalidate_model()
        mine = Coverage.with_user(self.salesman).search([])
        self.assertFalse(mine.behind)

    def test_other_roles_see_no_visits_nor_reports(self):
        visit = self._visit()
        report = self.env["sales.daily.report"].create({"user_id": self.salesman.id})
        portal = self.env["res.users"].create(
            {
                "name": "客户门户",
                "login": "ca_portal_visit",
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        for user in (self.accountant, self.employee, portal):
            for record in (visit, report, self.env["customer.archive.visit.coverage"]):
                with (
                    self.subTest(user=user.login, model=record._name),
                    self.assertRaises(AccessError),
                ):
                    record.with_user(user).search_fetch([], ["id"])
                    record.with_user(user).check_access("read")
