from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import tier_decide


@tagged("post_install", "-at_install")
class TestQuotationApprovalTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        leader = new_test_user(
            cls.env, "tour_leader", groups="sales_team.group_sale_manager", name="Tour Leader"
        )
        seller = new_test_user(
            cls.env, "tour_seller", groups="sales_team.group_sale_salesman", name="Tour Seller"
        )
        # The salesperson's own team sets his quotation limit; its leader approves first.
        team = cls.env["crm.team"].create(
            {
                "name": "Tour Team",
                "user_id": leader.id,
                "member_ids": [Command.link(seller.id)],
                "quotation_discount_limit": 10.0,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Approval Customer", "is_company": True, "customer_rank": 1}
        )
        cls.contract = cls.env["sales.contract"].create(
            {
                "title": "Tour Supply Contract",
                "partner_id": cls.customer.id,
                "amount": 5000.0,
                "user_id": seller.id,
            }
        )
        cls.contract.with_user(seller).action_submit()
        tier_decide(cls.contract, leader)
        tier_decide(cls.contract, admin)  # a contract administrator
        cls.contract.action_activate()
        product = cls.env["product.product"].create({"name": "Tour Motor", "list_price": 1000.0})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": seller.id,
                "team_id": team.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 2, "discount": 25.0}
                    )
                ],
            }
        )
        cls.order.with_user(seller).request_validation()
        cls.env.flush_all()
        tier_decide(cls.order, leader, comment="Team leader agrees")

    def test_quotation_approval_tour(self):
        self.assertEqual(self.order.approval_state, "to_approve")
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "sales_ledger_quotation_approval_tour",
            login="admin",
        )
        self.assertEqual(self.order.approval_state, "approved")
        self.assertEqual(
            self.order.review_ids.sorted("sequence").mapped("comment"),
            ["Team leader agrees", "Strategic customer"],
        )
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.order.contract_id, self.contract)
        self.assertEqual(self.contract.sale_order_ids, self.order)
