"""Install hooks. The suite is installed into companies' existing databases, with years
of orders and invoices: Odoo computes a new stored field in Python for every existing
row, unless its column already exists. The columns sales_ledger adds to those tables are
therefore created and filled here, one SQL statement each."""

from odoo.tools import SQL, sql


def pre_init_hook(env):
    cr = env.cr
    if not sql.column_exists(cr, "account_move", "contract_id"):
        sql.create_column(cr, "account_move", "contract_id", "int4")
    fill_move_contract(cr)
    if not sql.column_exists(cr, "sale_order", "approval_state"):
        sql.create_column(cr, "sale_order", "approval_state", "varchar")
    fill_order_approval_state(cr)


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


def fill_order_approval_state(cr, order_ids=None):
    """``sale.order.approval_state`` where it is NULL, as ``_compute_approval_state``
    does for an order without a decision: to approve when the rule of its salesperson's
    team (the main one, else the first membership, in the order's company), or else of
    the company, asks for approval and a line's discount exceeds that rule's limit. At the
    first install no team or company asks for it yet (the columns are made by this
    module)."""
    orders = SQL("AND so.id IN %s", tuple(order_ids)) if order_ids else SQL()
    if not sql.column_exists(cr, "crm_team", "quotation_approval"):
        cr.execute(
            SQL(
                "UPDATE sale_order so SET approval_state = 'not_required'"
                " WHERE so.approval_state IS NULL %s",
                orders,
            )
        )
        return
    cr.execute(
        SQL(
            """
            UPDATE sale_order so
               SET approval_state = CASE WHEN rule.approval AND EXISTS (
                       SELECT 1
                         FROM sale_order_line sol
                        WHERE sol.order_id = so.id
                          AND sol.display_type IS NULL
                          AND sol.discount > rule.discount_limit
                   ) THEN 'to_approve' ELSE 'not_required' END
              FROM sale_order holder
              JOIN res_company company ON company.id = holder.company_id
              LEFT JOIN res_users salesperson ON salesperson.id = holder.user_id
              LEFT JOIN LATERAL (
                   SELECT TRUE AS found, team.quotation_approval,
                          team.quotation_discount_limit
                     FROM crm_team team
                     LEFT JOIN crm_team_member member
                       ON member.crm_team_id = team.id
                      AND member.user_id = salesperson.id
                      AND member.active
                    WHERE (team.id = salesperson.sale_team_id OR member.id IS NOT NULL)
                      AND (team.company_id IS NULL OR team.company_id = holder.company_id)
                 ORDER BY team.id = salesperson.sale_team_id DESC,
                          member.create_date, member.id
                    LIMIT 1
                   ) team ON TRUE
             CROSS JOIN LATERAL (
                   SELECT CASE WHEN team.found THEN team.quotation_approval
                               ELSE company.quotation_approval END AS approval,
                          CASE WHEN team.found THEN team.quotation_discount_limit
                               ELSE company.quotation_discount_limit END AS discount_limit
                   ) rule
             WHERE holder.id = so.id AND so.approval_state IS NULL %s
            """,
            orders,
        )
    )
