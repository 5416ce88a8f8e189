from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from .common import tier_decide


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
