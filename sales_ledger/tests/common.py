from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_archive.tests.common import tier_decide


class SalesLedgerCommon(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.salesman = new_test_user(
            cls.env,
            "sl_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.salesman_2 = new_test_user(
            cls.env,
            "sl_salesman_2",
            groups="sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.sales_manager = new_test_user(
            cls.env,
            "sl_manager",
            groups="sales_team.group_sale_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        # 上级领导: another sales manager, above the team leader
        cls.sales_director = new_test_user(
            cls.env,
            "sl_director",
            groups="sales_team.group_sale_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.contract_admin = new_test_user(
            cls.env,
            "sl_contracts",
            groups="sales_ledger.group_contract_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.finance = new_test_user(
            cls.env,
            "sl_finance",
            groups="account.group_account_invoice,sales_team.group_sale_salesman",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "East China Sales",
                "quotation_discount_limit": 10.0,
                "user_id": cls.sales_manager.id,
                # the salesperson's team sets his quotation limit
                "member_ids": [Command.link(cls.salesman.id)],
                "company_id": company.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "上海华东机电设备有限公司", "is_company": True, "customer_rank": 1}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "北京中科恒达科技有限公司", "is_company": True, "customer_rank": 1}
        )
        cls.product = cls.product_a  # list price 1000, cost 800, 15% tax

    @classmethod
    def _create_contract(cls, amount=10000.0, partner=None, user=None, **values):
        return cls.env["sales.contract"].create(
            {
                "title": "设备供货合同",
                "partner_id": (partner or cls.customer).id,
                "user_id": (user or cls.salesman).id,
                "amount": amount,
                "date_signed": fields.Date.today(),
                **values,
            }
        )

    @classmethod
    def _approved_contract(cls, **kwargs):
        """A contract through its approval: the sales supervisor, then the contract
        administrator."""
        contract = cls._create_contract(**kwargs)
        contract.with_user(contract.user_id).action_submit()
        tier_decide(contract, cls.sales_manager)
        tier_decide(contract, cls.contract_admin)
        return contract

    @classmethod
    def _create_order(cls, partner=None, discount=0.0, qty=1.0, price=1000.0, user=None, **values):
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.customer).id,
                "user_id": (user or cls.salesman).id,
                "team_id": cls.team.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            "discount": discount,
                        }
                    )
                ],
                **values,
            }
        )

    @classmethod
    def _invoice(
        cls,
        date,
        amount=1000.0,
        partner=None,
        user=None,
        move_type="out_invoice",
        product=None,
        quantity=1.0,
    ):
        if user is None:
            user = cls.salesman
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (partner or cls.customer).id,
                "invoice_date": date,
                "date": date,
                "invoice_user_id": user.id if user else False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": (product or cls.product).id,
                            "quantity": quantity,
                            "price_unit": amount,
                            "tax_ids": [Command.set(cls.tax_sale_a.ids)],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move
