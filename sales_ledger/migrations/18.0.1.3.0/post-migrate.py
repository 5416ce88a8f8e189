def migrate(cr, version):
    """Ledger lines have no log columns any more (``_log_access = False``): drop them, and
    with them the foreign keys to the users that every generated line had checked."""
    cr.execute(
        """
        ALTER TABLE sales_ledger_line
            DROP COLUMN IF EXISTS create_uid,
            DROP COLUMN IF EXISTS create_date,
            DROP COLUMN IF EXISTS write_uid,
            DROP COLUMN IF EXISTS write_date
        """
    )
    cr.execute(
        """
        DELETE FROM ir_model_constraint
         WHERE name IN ('sales_ledger_line_create_uid_fkey', 'sales_ledger_line_write_uid_fkey')
        """
    )
