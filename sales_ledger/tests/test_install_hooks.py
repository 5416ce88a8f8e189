from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from ..hooks import fill_move_contract, fill_order_approval_state, pre_init_hook
from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestInstallHooks(SalesLedgerCommon):
    """The SQL of the pre_init_hook fills the columns as the ORM computes them."""

    def _reset(self, records, field_name):
        """The column as a fresh install finds it: NULL."""
        records.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET %s = NULL WHERE id IN %s",
                SQL.identifier(records._table),
                SQL.identifier(field_name),
                tuple(records.ids),
            )
        )
        records.invalidate_recordset([field_name])

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

    def test_order_approval_state(self):
        self.team.quotation_approval = True
        other_team = self.env["crm.team"].create(
            {"name": "No approval", "quotation_approval": False, "quotation_discount_limit": 5}
        )
        self.env.company.write({"quotation_approval": True, "quotation_discount_limit": 25})
        no_team = new_test_user(self.env, "hook_no_team", groups="sales_team.group_sale_salesman")
        orders = (
            self._create_order(discount=20.0)
            | self._create_order(discount=10.0)  # at the limit: no approval
            | self._create_order(discount=5.0)
            # the salesperson's team rules, not the team the order names
            | self._create_order(discount=30.0, team_id=other_team.id)
            # a salesperson without a team: the company's rule
            | self._create_order(discount=20.0, user_id=no_team.id)
            | self._create_order(discount=30.0, user_id=no_team.id)
        )
        self._reset(orders, "approval_state")
        fill_order_approval_state(self.env.cr, orders.ids)
        stored = self._compare_with_orm(orders, "approval_state")
        self.assertEqual(
            list(stored.values()),
            [
                "to_approve",
                "not_required",
                "not_required",
                "to_approve",
                "not_required",
                "to_approve",
            ],
        )

    def test_pre_init_hook_on_existing_columns(self):
        """Run again (columns there), the hook fills only what is NULL."""
        self.team.quotation_approval = True
        order = self._create_order(discount=20.0)
        confirmed = self._confirmed()
        self._reset(order | confirmed, "approval_state")
        pre_init_hook(self.env)
        self.assertEqual(order.approval_state, "to_approve")
        self.assertEqual(confirmed.approval_state, "not_required")
