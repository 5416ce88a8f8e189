from datetime import datetime, timedelta

from pytz import timezone, utc

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.resource_workday_cn.tests.common import office_hours_calendar

SHANGHAI = timezone("Asia/Shanghai")


def shanghai(*args):
    """Naive UTC datetime of a wall-clock time in Shanghai (as stored by the ORM)."""
    return SHANGHAI.localize(datetime(*args)).astimezone(utc).replace(tzinfo=None)


class ComplaintCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.calendar = office_hours_calendar(cls.env, company_id=cls.company.id)
        cls.company.resource_calendar_id = cls.calendar

        cls.cs_user = new_test_user(
            cls.env,
            "ct_cs_user",
            groups="complaint_tracking.group_complaint_user",
            name="CS User",
        )
        cls.cs_manager = new_test_user(
            cls.env,
            "ct_cs_manager",
            groups="complaint_tracking.group_complaint_manager",
            name="CS Manager",
        )
        cls.salesman = new_test_user(
            cls.env, "ct_salesman", groups="sales_team.group_sale_salesman", name="Salesman"
        )
        cls.sales_manager = new_test_user(
            cls.env, "ct_sales_manager", groups="sales_team.group_sale_manager", name="销售经理"
        )
        cls.env["crm.team"].create(
            {
                "name": "华东销售部",
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.link(cls.salesman.id)],
            }
        )
        cls.other_salesman = new_test_user(
            cls.env, "ct_other_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "上海星河包装有限公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman.id,
                "email": "service@xinghe.example.com",
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {
                "name": "王经理",
                "parent_id": cls.customer.id,
                "email": "wang@xinghe.example.com",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "杭州远航纸业有限公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.other_salesman.id,
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            "ct_portal",
            groups="base.group_portal",
            partner_id=cls.customer_contact.id,
        )
        cls.category = cls.env["customer.complaint.category"].create(
            {
                "name": "Test quality",
                "manager_id": cls.cs_manager.id,
                "team_user_ids": [Command.link(cls.cs_user.id)],
                "visit_required": True,
            }
        )
        cls.Complaint = cls.env["customer.complaint"]

    @classmethod
    def _create_complaint(cls, **values):
        """A complaint whose form is complete: first contact and registration are possible."""
        received = values.get("received_at") or datetime.now()
        vals = {
            "partner_id": cls.customer.id,
            "category_id": cls.category.id,
            "description": "纸板受潮,箱体塌陷,共 30 箱无法使用。",
            "customer_demand": "补发同规格纸箱。",
            "occurred_at": received - timedelta(hours=2),
            "fault_party": "仓储部",
            "work_order_ref": "GD-2025-001",
            "first_contact_method": "phone",
            "handling_plan": "当天补发,仓储部排查防潮措施。",
        }
        vals.update(values)
        return cls.Complaint.create(vals)

    @classmethod
    def _public_holiday(cls, day, name="端午节"):
        start = SHANGHAI.localize(datetime(day.year, day.month, day.day))
        end = SHANGHAI.localize(datetime(day.year, day.month, day.day, 23, 59, 59))
        return cls.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "calendar_id": False,
                "date_from": start.astimezone(utc).replace(tzinfo=None),
                "date_to": end.astimezone(utc).replace(tzinfo=None),
            }
        )
