from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestQuotationApprovalTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        # The salesperson's own team sets his quotation limit.
        cls.team = admin.sale_team_id or cls.env["crm.team"].create(
            {"name": "Tour Team", "member_ids": [Command.link(admin.id)]}
        )
        cls.team.write({"quotation_approval": True, "quotation_discount_limit": 10.0})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Approval Customer", "is_company": True, "customer_rank": 1}
        )
        cls.contract = cls.env["sales.contract"].create(
            {
                "title": "Tour Supply Contract",
                "partner_id": cls.customer.id,
                "amount": 5000.0,
                "user_id": admin.id,
            }
        )
        cls.contract.action_submit()
        cls.contract.action_approve("ok")
        cls.contract.action_activate()
        product = cls.env["product.product"].create({"name": "Tour Motor", "list_price": 1000.0})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": admin.id,
                "team_id": cls.team.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 2, "discount": 25.0}
                    )
                ],
            }
        )

    def test_quotation_approval_tour(self):
        self.assertEqual(self.order.approval_state, "to_approve")
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "sales_ledger_quotation_approval_tour",
            login="admin",
        )
        self.assertEqual(self.order.approval_state, "approved")
        self.assertEqual(self.order.approval_ids.opinion, "Strategic customer")
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.order.contract_id, self.contract)
        self.assertEqual(self.contract.sale_order_ids, self.order)
