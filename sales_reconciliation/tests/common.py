from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_archive.tests.common import tier_decide

from ..models.sales_statement_demo import DEMO_SIGNATURE as SIGNATURE  # noqa: F401


class StatementCommon(AccountTestInvoicingCommon):
    """Customers, users per role and helpers to post invoices, credit notes and
    payments on given dates (no taxes, so every figure is computed by hand)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.company_data["company"]
        cls.company.write({"name": "华东机械有限公司", "email": "finance@huadong.example.com"})
        cls.currency = cls.company.currency_id
        cls.salesman = new_test_user(
            cls.env,
            "sr_salesman",
            groups="sales_team.group_sale_salesman",
            email="salesman@huadong.example.com",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_salesman = new_test_user(
            cls.env,
            "sr_other_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.sales_manager = new_test_user(
            cls.env,
            "sr_sales_manager",
            groups="sales_team.group_sale_manager",
            email="manager@huadong.example.com",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.finance = new_test_user(
            cls.env,
            "sr_finance",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        Partner = cls.env["res.partner"]
        agreement = cls.env["ir.attachment"].create({"name": "月结协议.pdf", "raw": b"%PDF-1.4"})
        cls.customer = Partner.create(
            {
                "name": "上海宏达贸易有限公司",
                "is_company": True,
                "email": "ap@hongda.example.com",
                "user_id": cls.salesman.id,
                "settlement_agreement_ids": [Command.link(agreement.id)],
                "lang": "en_US",
            }
        )
        # Monthly settlement granted beforehand (users ask for it with a request).
        cls.customer.sudo().settlement_method = "monthly"
        cls.customer_contact = Partner.create(
            {
                "name": "王会计",
                "parent_id": cls.customer.id,
                "email": "wang@hongda.example.com",
                "type": "invoice",
            }
        )
        cls.other_customer = Partner.create(
            {
                "name": "苏州联合电子有限公司",
                "is_company": True,
                "email": "ap@lianhe.example.com",
                "user_id": cls.other_salesman.id,
            }
        )
        cls.idle_customer = Partner.create({"name": "无往来客户", "is_company": True})
        cls.income_account = cls.company_data["default_account_revenue"]

    def _salesman_order(self, amount=1000.0):
        """A one-line quotation of the salesperson for the customer, untaxed."""
        return (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product_a.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    @classmethod
    def _invoice(
        cls,
        partner,
        amount,
        invoice_date,
        due=None,
        move_type="out_invoice",
        currency=None,
        post=True,
        origin=None,
    ):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": invoice_date,
                "date": invoice_date,
                "invoice_date_due": due or invoice_date,
                "currency_id": (currency or cls.currency).id,
                "invoice_origin": origin,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "钢材 Q235",
                            "quantity": 2,
                            "price_unit": amount / 2,
                            "tax_ids": [Command.clear()],
                            "account_id": cls.income_account.id,
                        }
                    )
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, invoices, amount, payment_date):
        """Register a payment on invoices (reconciled with them)."""
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": payment_date,
                    "payment_difference_handling": "open",
                    "group_payment": True,
                }
            )
        )
        return wizard._create_payments()

    @classmethod
    def _payment(cls, partner, amount, payment_date):
        """An unreconciled customer payment (advance)."""
        payment = cls.env["account.payment"].create(
            {
                "amount": amount,
                "date": payment_date,
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": partner.id,
                "journal_id": cls.company_data["default_journal_bank"].id,
            }
        )
        payment.action_post()
        return payment

    def _credit_override(self, partner, days=10, reason="客户承诺月底前回款", user=None):
        """A credit override requested by ``user`` (the salesperson) and submitted."""
        override = (
            self.env["sales.credit.override"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": partner.id,
                    "reason": reason,
                    "date_until": fields.Date.today() + timedelta(days=days),
                }
            )
        )
        override.action_submit()
        return override

    def _approved_credit_override(self, partner, **kwargs):
        """A credit override approved by the sales manager (and finance for grade C)."""
        override = self._credit_override(partner, **kwargs)
        tier_decide(override, self.sales_manager)
        if partner.credit_grade == "C":
            tier_decide(override, self.finance)
        self.assertEqual(override.state, "approved")
        return override

    @staticmethod
    def d(value):
        return fields.Date.to_date(value) if isinstance(value, str) else value

    @classmethod
    def _build_february_books(cls):
        """Books of ``customer`` (hand-computed figures in the tests):

        before the period (opening 900.00):
          2025-06-01 invoice 100.00 due 2025-06-01, unpaid        → over 180 days
          2025-10-01 invoice  20.00 due 2025-10-01, unpaid        → 91-180 days
          2025-12-05 invoice  50.00 due 2025-12-05, unpaid        → 61-90 days
          2026-01-10 invoice 1000.00 due 2026-02-09; paid 300.00 on 2026-01-20
          2026-01-15 invoice  30.00 due 2026-01-15, unpaid        → 31-60 days
        February 2026 (sales 2400.00, returns 150.00, receipts 500.00):
          02-05 invoice 2000.00 due 2026-03-07                    → not due
          02-10 credit note 150.00 (open)                         → 1-30 days
          02-15 payment 500.00 on the 2026-01-10 invoice (200.00 left, 19 days late)
          02-20 invoice 400.00 due 2026-02-20                     → 1-30 days
        after the period: 2026-03-05 payment 200.00 on the 2026-01-10 invoice.
        Closing 2026-02-28 = 900 + 2400 - 150 - 500 = 2650.00
        """
        c = cls.customer
        cls.inv_old = cls._invoice(c, 100.0, date(2025, 6, 1))
        cls.inv_oct = cls._invoice(c, 20.0, date(2025, 10, 1))
        cls.inv_dec = cls._invoice(c, 50.0, date(2025, 12, 5))
        cls.inv_jan = cls._invoice(c, 1000.0, date(2026, 1, 10), due=date(2026, 2, 9))
        cls.inv_jan15 = cls._invoice(c, 30.0, date(2026, 1, 15))
        cls._pay(cls.inv_jan, 300.0, date(2026, 1, 20))
        cls.inv_feb = cls._invoice(
            c, 2000.0, date(2026, 2, 5), due=date(2026, 3, 7), origin="S00042"
        )
        cls.refund_feb = cls._invoice(c, 150.0, date(2026, 2, 10), move_type="out_refund")
        cls._pay(cls.inv_jan, 500.0, date(2026, 2, 15))
        cls.inv_feb20 = cls._invoice(c, 400.0, date(2026, 2, 20))
        cls._pay(cls.inv_jan, 200.0, date(2026, 3, 5))
        # another customer, for isolation
        cls._invoice(cls.other_customer, 777.0, date(2026, 2, 3))


class FebruaryStatementCommon(StatementCommon):
    """The February books and the customer's February statement, generated once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()
        cls.statement = cls.env["sales.statement"].generate_statements(
            "2026-02-01", "2026-02-28", cls.customer
        )
