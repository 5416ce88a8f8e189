from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from ..hooks import QUOTATION_LIMIT_COLUMNS, fill_move_contract, post_init_hook, pre_init_hook
from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestInstallHooks(SalesLedgerCommon):
    """The SQL of the pre_init_hook fills the columns as the ORM computes them."""

    def _reset(self, records, *field_names):
        """The columns as a fresh install finds them: NULL."""
        records.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET %s WHERE id IN %s",
                SQL.identifier(records._table),
                SQL(", ").join(SQL("%s = NULL", SQL.identifier(name)) for name in field_names),
                tuple(records.ids),
            )
        )
        records.invalidate_recordset(field_names)

    def _compare_with_orm(self, records, field_name):
        """The values the SQL left in the column, then the ORM's computation of them."""
        records.invalidate_recordset([field_name])
        stored = {record.id: record[field_name] for record in records}
        self.env.add_to_compute(records._fields[field_name], records)
        computed = {record.id: record[field_name] for record in records}
        self.assertEqual(stored, computed)
        return stored

    def _confirmed(self, discount=0.0, **values):
        order = self._create_order(discount=discount, **values)
        order.action_confirm()
        order.order_line.qty_delivered = 1.0
        return order

    def test_move_contract(self):
        contract_a = self._approved_contract()
        contract_b = self._approved_contract()
        with_a = self._confirmed(contract_id=contract_a.id)
        without = self._confirmed()
        with_b = self._confirmed(contract_id=contract_b.id)
        # one invoice for two orders (the first order without contract), one per order
        both = (without | with_a)._create_invoices()
        only_b = with_b._create_invoices(grouped=True)
        none = self._confirmed()._create_invoices(grouped=True)
        plain = self._invoice("2026-01-15")
        moves = both | only_b | none | plain
        moves.filtered(lambda m: m.state == "draft").action_post()
        self._reset(moves, "contract_id")
        fill_move_contract(self.env.cr, moves.ids)
        stored = self._compare_with_orm(moves, "contract_id")
        self.assertEqual(stored[both.id], contract_a)
        self.assertEqual(stored[only_b.id], contract_b)
        self.assertFalse(stored[none.id] or stored[plain.id])

    def test_partner_regions(self):
        """The customers a company had before the install take their province's region."""
        Partner = self.env["res.partner"]
        jiangsu = self.env.ref("base.state_cn_JS")
        shanghai = self.env.ref("base.state_cn_SH")
        by_hand = self.env["sales.region"].create({"name": "长三角", "sequence": 99})
        partners = Partner.create(
            [
                {"name": "无锡恒通机械有限公司", "state_id": jiangsu.id},
                {"name": "上海申达贸易有限公司", "state_id": shanghai.id},
                {"name": "海外客户"},
            ]
        )
        kept = Partner.create(
            {"name": "苏州客户", "state_id": jiangsu.id, "sales_region_id": by_hand.id}
        )
        self._reset(partners, "sales_region_id")
        self.env["sales.region"]._assign_to_partners_without_region()
        regions = self._compare_with_orm(partners, "sales_region_id")
        east = self.env.ref("sales_ledger.sales_region_east")
        self.assertEqual(list(regions.values()), [east, east, Partner.sales_region_id])
        self.assertEqual(kept.sales_region_id, by_hand)

    def test_order_limits(self):
        other_team = self.env["crm.team"].create(
            {"name": "No limit", "quotation_discount_limit": 100, "quotation_amount_limit": 10}
        )
        self.env.company.write({"quotation_discount_limit": 25, "quotation_amount_limit": 3000})
        no_team = new_test_user(self.env, "hook_no_team", groups="sales_team.group_sale_salesman")
        quotations = (
            self._create_order(discount=20.0)
            | self._create_order(discount=10.0)  # at the limit: no approval
            | self._create_order(price=900.0)  # below the pricelist
            # the salesperson's team rules, not the team the order names
            | self._create_order(discount=30.0, team_id=other_team.id)
            # a salesperson without a team: the company's limits
            | self._create_order(discount=20.0, user_id=no_team.id)
            | self._create_order(discount=30.0, qty=5.0, user_id=no_team.id)
        )
        confirmed = self._confirmed()
        orders = quotations | confirmed
        self._reset(orders, *QUOTATION_LIMIT_COLUMNS)
        pre_init_hook(self.env)
        post_init_hook(self.env)
        stored = {
            name: list(self._compare_with_orm(orders, name).values())
            for name in QUOTATION_LIMIT_COLUMNS
        }
        self.assertEqual(
            stored,
            {
                "discount_over_limit": [True, False, False, True, False, True, False],
                "below_pricelist": [False, False, True, False, False, False, False],
                # 30 % off a price of 1,000: 700, below the cost of 800
                "below_cost": [False, False, False, True, False, True, False],
                "amount_over_limit": [False, False, False, False, False, True, False],
            },
        )

    def test_pre_init_hook_on_existing_columns(self):
        """Run again (columns there), the hook fills only what is NULL."""
        order = self._create_order(discount=20.0)
        confirmed = self._confirmed()
        self._reset(confirmed, "discount_over_limit")
        pre_init_hook(self.env)
        self.assertTrue(order.discount_over_limit)
        self.assertFalse(confirmed.discount_over_limit)
