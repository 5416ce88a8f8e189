"""Who may do what in the suite, per role: read, write, create and delete on each main
model (a record of the role's own customer, and one of another salesperson's customer), and
which reports render. Access rights and record rules decide (``has_access`` and, for
creation, the rules applied to the new record's values); business checks come on top."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_archive.tools import may_create

ROLES = {
    "own": "sales_team.group_sale_salesman",
    "all": "sales_team.group_sale_salesman_all_leads",
    "manager": "sales_team.group_sale_manager",
    "contracts": "sales_ledger.group_contract_manager",
    "finance": "account.group_account_invoice",
    "service": "complaint_tracking.group_complaint_user",
    "service_mgr": "complaint_tracking.group_complaint_manager",
    "archive": "customer_archive.group_archive_manager",
    "employee": "base.group_user",
    "portal": "base.group_portal",
    "foreign": "sales_team.group_sale_manager,account.group_account_invoice",
}

# model: per role (in the order of ROLES) "ops on a record of the customer of the "own"
# salesperson / ops on one of another salesperson's customer", ops among r(ead) w(rite)
# c(reate) d(elete), "-" for none. Dossiers are the responsible salesperson's, the sales
# managers' and the archive's (保密); reviewers of a credit override also read it.
MATRIX = {  # roles:  own  all  manager  contracts  finance  service  service_mgr  archive
    #                  employee  portal  foreign
    "customer.archive": "rwc/- -/- rwc/rwc -/- -/- -/- -/- rwcd/rwcd -/- -/- -/-",
    # the communication log is the public ledger's (000: 公共台账): every salesperson reads it
    "customer.archive.communication": "rwc/r r/r rwcd/rwcd r/r -/- -/- -/- rwcd/rwcd -/- -/- -/-",
    # customer service reads the contracts of customers who complained (both have)
    "sales.contract": "rwc/- rwc/rwc rwcd/rwcd rwcd/rwcd -/- r/r r/r -/- -/- -/- -/-",
    "sales.statement": "rwc/- rwc/rwc rwcd/rwcd rwc/rwc rwcd/rwcd -/- -/- -/- -/- -/- -/-",
    "sales.credit.override": "rwc/c rwc/rwc rwcd/rwcd rwc/rwc r/r -/- -/- c/c -/- -/- -/-",
    "customer.complaint": "rwc/- rwc/rwc rwc/rwc rwc/rwc -/- rwc/rwc rwcd/rwcd -/- -/- -/- -/-",
    # a salesperson requests a write-off for his own customers only; finance reads them all
    "sales.bad.debt.request": "rwc/- rwc/rwc rwcd/rwcd rwc/rwc r/r -/- -/- -/- -/- -/- -/-",
}
# report: (model of the records, per role "own/other"), "y" renders, "-" refused; the AR
# aging renders on the company (a salesperson's shows his own customers only).
REPORTS = {
    "customer_archive.customer_archive_card_report": (
        "customer.archive",
        "y/- -/- y/y -/- -/- -/- -/- y/y -/- -/- -/-",
    ),
    "sales_ledger.action_report_sales_contract": (
        "sales.contract",
        "y/- y/y y/y y/y -/- -/- -/- -/- -/- -/- -/-",
    ),
    "sales_reconciliation.sales_statement_report_action": (
        "sales.statement",
        "y/- y/y y/y y/y y/y -/- -/- -/- -/- -/- -/-",
    ),
    "complaint_tracking.action_report_customer_complaint": (
        "customer.complaint",
        "y/- y/y y/y y/y -/- y/y y/y -/- -/- -/- -/-",
    ),
    "sales_reconciliation.ar_aging_report_action": (
        "res.company",
        "y/y y/y y/y y/y y/y -/- -/- y/y -/- -/- -/-",
    ),
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True), su=True)
        company = cls.company_data["company"]
        foreign = cls.setup_other_company()["company"]
        cls.users = {}
        for role, groups in ROLES.items():
            home = foreign if role == "foreign" else company
            cls.users[role] = new_test_user(
                cls.env,
                f"matrix_{role}",
                groups=groups,
                company_id=home.id,
                company_ids=[Command.set(home.ids)],
            )
        cls.other = new_test_user(
            cls.env,
            "matrix_other",
            groups="sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        Partner = cls.env["res.partner"]
        cls.customers = {}
        for key, user in (("own", cls.users["own"]), ("other", cls.other)):
            cls.customers[key] = Partner.create(
                {
                    "name": f"矩阵客户 {key}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": user.id,
                    "company_id": company.id,
                }
            )
        cls.company = company
        cls.category = cls.env["customer.complaint.category"].create({"name": "质量"})
        cls.invoices = {
            key: cls.init_invoice("out_invoice", partner=customer, amounts=[1000.0], post=True)
            for key, customer in cls.customers.items()
        }
        cls.records = {
            model: {key: cls._make(model, key) for key in ("own", "other")} for model in MATRIX
        }

    @classmethod
    def _values(cls, model, key, user=None):
        customer = cls.customers[key]
        salesperson = customer.user_id
        today = fields.Date.today()
        return {
            "customer.archive": {"partner_id": customer.id},
            "customer.archive.communication": {
                "archive_id": customer.archive_id.id,
                "purpose": "回访",
            },
            "sales.contract": {
                "title": "供货合同",
                "partner_id": customer.id,
                "user_id": salesperson.id,
                "amount": 1000.0,
                "date_signed": today,
                "company_id": cls.company.id,
            },
            "sales.statement": {
                "partner_id": customer.id,
                "user_id": salesperson.id,
                "company_id": cls.company.id,
                "date_from": today.replace(day=1),
                "date_to": today,
            },
            "sales.credit.override": {
                "partner_id": customer.id,
                "company_id": cls.company.id,
                "reason": "月底回款",
                "date_until": today + timedelta(days=5),
                "requested_by_id": (user or salesperson).id,
            },
            "customer.complaint": {
                "partner_id": customer.id,
                "company_id": cls.company.id,
                "category_id": cls.category.id,
                "description": "箱体塌陷",
            },
            "sales.bad.debt.request": {
                "partner_id": customer.id,
                "company_id": cls.company.id,
                "invoice_ids": [Command.set(cls.invoices[key].ids)],
                "amount": 100.0,
                "reason": "客户破产",
            },
        }[model]

    @classmethod
    def _make(cls, model, key):
        if model == "customer.archive":
            return cls.customers[key].archive_id
        return cls.env[model].create(cls._values(model, key))

    def _ops(self, model, key, user):
        record = self.records[model][key].with_user(user)
        ops = "".join(
            letter
            for letter, operation in (("r", "read"), ("w", "write"))
            if record.has_access(operation)
        )
        values = self._values(model, key, user)
        if may_create(self.env[model].with_user(user), [values])[0]:
            ops += "c"
        if record.has_access("unlink"):
            ops += "d"
        return ops or "-"

    def _renders(self, report, model, key, user):
        if model == "res.company":
            ids = self.company.ids
            data = {
                "company_id": self.company.id,
                "date_to": fields.Date.to_string(fields.Date.today()),
            }
        else:
            ids, data = self.records[model][key].ids, None
        # what the fixtures left in the cache would be printed without a check
        self.env.invalidate_all()
        try:
            self.env["ir.actions.report"].with_user(user)._render_qweb_html(report, ids, data=data)
        except Exception as error:
            # QWeb wraps the access error of a record it reads
            if isinstance(error, AccessError) or isinstance(error.__cause__, AccessError):
                return "-"
            raise
        return "y"

    def test_reports(self):
        actual = {
            report: {
                role: "/".join(self._renders(report, model, key, user) for key in ("own", "other"))
                for role, user in self.users.items()
            }
            for report, (model, _expected) in REPORTS.items()
        }
        for report, (_model, expected) in REPORTS.items():
            for role, result in zip(ROLES, expected.split(), strict=True):
                with self.subTest(report=report, role=role):
                    self.assertEqual(actual[report][role], result)

    def test_matrix(self):
        actual = {
            model: {
                role: "/".join(self._ops(model, key, user) for key in ("own", "other"))
                for role, user in self.users.items()
            }
            for model in MATRIX
        }
        for model, expected in MATRIX.items():
            for role, ops in zip(ROLES, expected.split(), strict=True):
                with self.subTest(model=model, role=role):
                    self.assertEqual(actual[model][role], ops)
