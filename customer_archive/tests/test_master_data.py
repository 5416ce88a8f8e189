from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import CustomerArchiveCase, tier_decide

USCC = "91310115MA1H7G2K30"


@tagged("post_install", "-at_install")
class TestMasterData(CustomerArchiveCase):
    def _customer(self, **values):
        return self.env["res.partner"].create(
            {
                "is_company": True,
                "customer_rank": 1,
                "country_id": self.env.ref("base.cn").id,
                **values,
            }
        )

    def test_unified_social_credit_code_unique_per_company(self):
        first = self._customer(name="统一代码客户有限公司", vat=USCC)
        with self.assertRaisesRegex(
            ValidationError, f"{USCC}.*统一代码客户有限公司.*{first.customer_code}"
        ):
            self._customer(name="重复登记公司", vat=USCC)
        other = self._customer(name="空白公司")
        with self.assertRaisesRegex(ValidationError, "统一代码客户有限公司"):
            other.vat = USCC
        # Its contacts carry the customer's code; another company files it again.
        self.env["res.partner"].create({"name": "联系人", "parent_id": first.id})
        company_b = self.env["res.company"].create({"name": "另一公司"})
        self._customer(name="统一代码客户有限公司", vat=USCC, company_id=company_b.id)

    def test_duplicate_finder(self):
        same_name = self._customer(name="重名客户有限公司") | self._customer(
            name="重名客户有限公司"
        )
        # Filed before the rule (an old import): two customers under one code.
        same_code = self._customer(name="代码甲公司", vat=USCC, country_id=False) | self._customer(
            name="代码乙公司", vat=USCC, country_id=False
        )
        single = self._customer(name="独一无二公司")
        action = self.env["res.partner"].with_user(self.archivist).action_find_duplicate_customers()
        found = self.env["res.partner"].search(action["domain"])
        self.assertLessEqual(same_name | same_code, found)
        self.assertNotIn(single, found)
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.salesman).action_find_duplicate_customers()

    def test_trade_release_only_for_stopped_customers(self):
        release = (
            self.env["customer.trade.release"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "reason": "测试",
                    "date_until": fields.Date.today(),
                }
            )
        )
        with self.assertRaisesRegex(UserError, "blocked or closed"):
            release.action_submit()
        self.customer.with_user(self.sales_manager).action_block_customer()
        release.action_submit()
        with self.assertRaises(AccessError):
            tier_decide(release, self.salesman)
        tier_decide(release, self.sales_manager)
        self.assertTrue(release.is_valid)
        self.assertFalse(self.customer._trade_stop_message("x"))


@tagged("post_install", "-at_install")
class TestTradeStopAtInvoicing(AccountTestInvoicingCommon):
    def test_closed_customer_not_invoiced_without_release(self):
        manager = new_test_user(self.env, "ts_manager", groups="sales_team.group_sale_manager")
        salesman = new_test_user(self.env, "ts_sales", groups="sales_team.group_sale_salesman")
        customer = self.env["res.partner"].create(
            {
                "name": "已结束合作公司",
                "is_company": True,
                "customer_rank": 1,
                "user_id": salesman.id,
            }
        )
        customer.with_user(manager).action_close_customer()
        invoice = self.init_invoice("out_invoice", partner=customer, amounts=[100.0])
        with self.assertRaisesRegex(UserError, "trade release"):
            invoice.action_post()
        refund = self.init_invoice("out_refund", partner=customer, amounts=[100.0])
        refund.action_post()
        release = (
            self.env["customer.trade.release"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": customer.id,
                    "reason": "结清尾款开票",
                    "date_until": fields.Date.today(),
                }
            )
        )
        release.action_submit()
        tier_decide(release, manager)
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
