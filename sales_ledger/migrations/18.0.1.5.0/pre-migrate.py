def migrate(cr, version):
    """Ledger lines read their invoice through their invoice line (``move_id`` is a related
    field now): drop the stored column, its index and its foreign key."""
    cr.execute(
        """
        ALTER TABLE sales_ledger_line DROP COLUMN IF EXISTS move_id;
        DELETE FROM ir_model_constraint WHERE name = 'sales_ledger_line_move_id_fkey';
        """
    )
