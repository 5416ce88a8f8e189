import base64
import csv
import io

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

from .common import tier_decide


class ShippedPolicyMixin:
    """Runs a policy a module ships the way an archive administrator does: sweep, submit,
    approvals (finance too for ledger records), export, execution. For the test classes
    of every module (mixed into their own common class)."""

    @classmethod
    def _create_retention_users(cls, prefix):
        company = cls.env.company
        values = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        archivists = [
            new_test_user(
                cls.env,
                f"{prefix}_archivist_{index}",
                groups="customer_archive.group_archive_manager",
                name=f"Archivist {index}",
                **values,
            )
            for index in range(3)
        ]
        cls.retention_requester, *cls.retention_approvers = archivists
        cls.retention_finance = new_test_user(
            cls.env,
            f"{prefix}_retention_finance",
            groups="account.group_account_manager",
            name="Finance Manager",
            **values,
        )

    def _shipped_policy(self, xmlid):
        policy = self.env.ref(xmlid)
        policy.sudo().active = True
        return policy.with_user(self.retention_requester)

    def _destroy(self, policy, today, due, kept=None, reason=None, protect_after_sweep=None):
        """Sweep ``policy`` on ``today``: ``due`` is listed, ``kept`` is not and the dry run
        gives ``reason`` for it; ``protect_after_sweep`` protects some of the listed records
        (they are skipped at the execution with ``reason``). Returns the executed request."""
        if kept:
            counts = policy._preview_counts(today)[policy.id]
            self.assertEqual(counts["reasons"].get(reason), len(kept), counts)
        request = policy._run_sweep(today)
        self.assertEqual(len(request), 1)
        self.assertEqual(sorted(request.line_ids.mapped("res_id")), sorted(due.ids))
        late = protect_after_sweep() if protect_after_sweep else due.browse()
        request.action_submit()
        reviewers = self.retention_approvers[: request.approval_steps]
        if request.finance_review:
            reviewers.append(self.retention_finance)
        for user in reviewers:
            tier_decide(request, user)
        self.assertEqual(request.state, "approved")
        request.action_execute()
        self.assertEqual(request.state, "done")
        destroyed = due - late
        self.assertFalse(destroyed.exists())
        if kept:
            self.assertEqual(kept.exists(), kept)
        self.assertEqual(late.exists(), late)
        skipped = request.line_ids.filtered(lambda line: line.state == "skipped")
        self.assertEqual(sorted(skipped.mapped("res_id")), sorted(late.ids))
        if late:
            self.assertEqual(set(skipped.mapped("note")), {reason})
        content = base64.b64decode(request.export_attachment_id.datas).decode("utf-8-sig")
        exported = {int(row["id"]) for row in csv.DictReader(io.StringIO(content))}
        self.assertEqual(exported, set(destroyed.ids))
        self.assertEqual(request.log_ids.done_count, len(destroyed))
        return request


class RetentionCommon(TransactionCase):
    """Three archive administrators (one requests, two approve), finance, a salesperson, and
    helpers making CRM leads whose expected closing date is past or not (tagged, so that
    policies only see the test data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.archivist = new_test_user(
            cls.env,
            "h4_archivist",
            groups="customer_archive.group_archive_manager",
            name="Archivist One",
            tz="Asia/Shanghai",
        )
        cls.archivist_2 = new_test_user(
            cls.env,
            "h4_archivist_2",
            groups="customer_archive.group_archive_manager",
            name="Archivist Two",
            tz="Asia/Shanghai",
        )
        cls.archivist_3 = new_test_user(
            cls.env,
            "h4_archivist_3",
            groups="customer_archive.group_archive_manager",
            name="Archivist Three",
            tz="Asia/Shanghai",
        )
        cls.finance = new_test_user(
            cls.env, "h4_finance", groups="account.group_account_manager", name="Finance"
        )
        cls.salesman = new_test_user(
            cls.env, "h4_salesman", groups="sales_team.group_sale_salesman", name="Salesman"
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.crm_tag = cls.env["crm.tag"].create({"name": "Retention test"})
        cls.partner_tag = cls.env["res.partner.category"].create({"name": "Retention test"})
        cls.lead_model = cls.env["ir.model"]._get("crm.lead")
        cls.deadline_field = cls.env["ir.model.fields"]._get("crm.lead", "date_deadline")
        cls.Policy = cls.env["archive.retention.policy"].with_user(cls.archivist)
        cls.today = fields.Date.context_today(cls.Policy)
        cls.cutoff = cls.today - relativedelta(years=5)

    @classmethod
    def _field(cls, model, name):
        return cls.env["ir.model.fields"]._get(model, name)

    @classmethod
    def _create_policy(cls, **values):
        """A policy on the test leads: kept 5 years after their expected closing date."""
        vals = {
            "name": "Old leads",
            "model_id": cls.lead_model.id,
            "date_field_id": cls.deadline_field.id,
            "period_value": 5,
            "period_unit": "years",
            "action": "archive",
            "domain": f"[('tag_ids', 'in', [{cls.crm_tag.id}])]",
        }
        vals.update(values)
        return cls.Policy.create(vals)

    @classmethod
    def _create_partner_policy(cls, **values):
        """A policy on the test partners, kept one year after their creation."""
        vals = {
            "name": "Old contacts",
            "model_id": cls.env["ir.model"]._get("res.partner").id,
            "date_field_id": cls._field("res.partner", "create_date").id,
            "period_value": 1,
            "domain": f"[('category_id', 'in', [{cls.partner_tag.id}])]",
        }
        vals.update(values)
        return cls._create_policy(**vals)

    @classmethod
    def _create_leads(cls, count, date, **values):
        return cls.env["crm.lead"].create(
            [
                {
                    "name": f"Lead {date} {index}",
                    "type": "opportunity",
                    "date_deadline": date,
                    "tag_ids": [(4, cls.crm_tag.id)],
                    **values,
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _create_partners(cls, count, **values):
        return cls.env["res.partner"].create(
            [
                {"name": f"Contact {index}", "category_id": [(4, cls.partner_tag.id)], **values}
                for index in range(count)
            ]
        )

    def _approved_request(self, policy, today=None):
        request = policy._run_sweep(today)
        self.assertEqual(len(request), 1)
        request.action_submit()
        self._approve(request)
        self.assertEqual(request.state, "approved")
        return request

    def _approve(self, request):
        """The reviewers of ``request`` who did not request it approve it, in order."""
        reviewers = [self.archivist_2, self.archivist_3][: request.approval_steps]
        if request.finance_review:
            reviewers.append(self.finance)
        for user in reviewers:
            tier_decide(request, user)
