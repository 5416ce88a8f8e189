from odoo.tools.sql import column_exists


def migrate(cr, version):
    """Ledger lines read their invoice through their invoice line (``move_id`` is a related
    field now) and keep its number as printed (``move_name``): copy the numbers, then drop
    the stored column, its index and its foreign key."""
    if not column_exists(cr, "sales_ledger_line", "move_id"):
        return
    cr.execute(
        """
        ALTER TABLE sales_ledger_line ADD COLUMN IF NOT EXISTS move_name varchar;
        UPDATE sales_ledger_line l
           SET move_name = am.name
          FROM account_move am
         WHERE am.id = l.move_id;
        ALTER TABLE sales_ledger_line DROP COLUMN move_id;
        DELETE FROM ir_model_constraint WHERE name = 'sales_ledger_line_move_id_fkey';
        """
    )
