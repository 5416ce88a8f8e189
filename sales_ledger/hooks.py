"""Install hooks. The suite is installed into companies' existing databases, with years
of orders and invoices: Odoo computes a new stored field in Python for every existing
row, unless its column already exists. The columns sales_ledger adds to those tables are
therefore created and filled here, one SQL statement each; the few open quotations are
computed after the install."""

from odoo.tools import SQL, sql

from .models.sale_order import LIMIT_FIELDS as QUOTATION_LIMIT_COLUMNS


def pre_init_hook(env):
    cr = env.cr
    if not sql.column_exists(cr, "account_move", "contract_id"):
        sql.create_column(cr, "account_move", "contract_id", "int4")
    fill_move_contract(cr)
    for name in QUOTATION_LIMIT_COLUMNS:
        if not sql.column_exists(cr, "sale_order", name):
            sql.create_column(cr, "sale_order", name, "bool")
    fill_order_limits(cr)


def post_init_hook(env):
    """The open quotations' position against their salesperson's limits, which the
    pre_init_hook left unset (few rows, and the pricelist's prices are Python's)."""
    quotations = env["sale.order"].search([("state", "in", ("draft", "sent"))])
    for name in QUOTATION_LIMIT_COLUMNS:
        env.add_to_compute(quotations._fields[name], quotations)
    quotations.flush_recordset(list(QUOTATION_LIMIT_COLUMNS))


def fill_move_contract(cr, move_ids=None):
    """``account.move.contract_id`` where it is NULL, as ``_compute_contract_id`` does:
    the first contract of the orders of the invoice lines, in the order of the lines
    (``id``) and of their order lines (``order_id, sequence, id``). At the first install
    no order has a contract yet (``sale_order.contract_id`` is made by this module) and
    nothing is filled."""
    if not sql.column_exists(cr, "sale_order", "contract_id"):
        return
    cr.execute(
        SQL(
            """
            UPDATE account_move move
               SET contract_id = first.contract_id
              FROM (SELECT DISTINCT ON (line.move_id) line.move_id, so.contract_id
                      FROM account_move_line line
                      JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = line.id
                      JOIN sale_order_line sol ON sol.id = rel.order_line_id
                      JOIN sale_order so ON so.id = sol.order_id
                     WHERE so.contract_id IS NOT NULL
                       AND line.display_type IN ('product', 'line_section', 'line_note')
                       %(lines)s
                  ORDER BY line.move_id, line.id, sol.order_id, sol.sequence, sol.id) first
             WHERE move.id = first.move_id AND move.contract_id IS NULL
            """,
            lines=SQL("AND line.move_id IN %s", tuple(move_ids)) if move_ids else SQL(),
        )
    )


def fill_order_limits(cr):
    """``sale.order``'s discount_over_limit, below_pricelist and amount_over_limit where they
    are NULL on the orders that are no quotations: false, as ``_compute_quotation_limits``
    keeps them on a confirmed or cancelled order (the post_init_hook computes the open
    quotations)."""
    cr.execute(
        SQL(
            "UPDATE sale_order SET %s WHERE state NOT IN ('draft', 'sent') AND (%s)",
            SQL(", ").join(
                SQL("%s = COALESCE(%s, FALSE)", SQL.identifier(name), SQL.identifier(name))
                for name in QUOTATION_LIMIT_COLUMNS
            ),
            SQL(" OR ").join(
                SQL("%s IS NULL", SQL.identifier(name)) for name in QUOTATION_LIMIT_COLUMNS
            ),
        )
    )
