from odoo.tests import Form, TransactionCase, new_test_user


class CustomerArchiveCase(TransactionCase):
    """One user per role and one approved customer of the first salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.salesman = new_test_user(
            cls.env, "ca_sales_1", groups="sales_team.group_sale_salesman", name="销售员甲"
        )
        cls.salesman_2 = new_test_user(
            cls.env, "ca_sales_2", groups="sales_team.group_sale_salesman", name="销售员乙"
        )
        cls.sales_manager = new_test_user(
            cls.env, "ca_manager", groups="sales_team.group_sale_manager", name="销售经理"
        )
        cls.archivist = new_test_user(
            cls.env,
            "ca_archivist",
            groups="customer_archive.group_archive_manager",
            name="档案管理员",
        )
        cls.accountant = new_test_user(
            cls.env, "ca_accountant", groups="account.group_account_invoice", name="会计"
        )
        cls.employee = new_test_user(cls.env, "ca_employee", groups="base.group_user", name="员工")
        cls.customer = (
            cls.env["res.partner"]
            .with_user(cls.salesman)
            .with_context(res_partner_search_mode="customer")
            .create(
                {
                    "name": "上海测试机械有限公司",
                    "is_company": True,
                    "user_id": cls.salesman.id,
                    "customer_category": "important",
                    "credit_grade": "A",
                }
            )
            .with_env(cls.env)
        )
        cls.customer.with_user(cls.salesman).action_submit_customer()
        tier_decide(cls.customer, cls.sales_manager)
        cls.archive = cls.customer.archive_id


def tier_decide(record, user, approve=True, comment="同意"):
    """``user`` validates (or rejects) his tier of ``record``, with his opinion when the
    tier asks for one (OCA's comment wizard)."""
    record = record.with_user(user)
    action = record.validate_tier() if approve else record.reject_tier()
    if isinstance(action, dict):
        wizard = Form(record.env["comment.wizard"].with_context(**action["context"]))
        wizard.comment = comment
        wizard.save().add_comment()
    record.invalidate_recordset()
