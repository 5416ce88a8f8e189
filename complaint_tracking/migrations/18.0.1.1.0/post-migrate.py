def migrate(cr, version):
    """Make-up workdays (``resource.calendar.workday``) moved to ``resource_workday_cn``,
    which this version depends on and which is installed before it. Odoo keeps the
    table, its rows and the model's xmlids of the new module and drops those of this
    one. The table's constraints were reflected for this module: they are handed over
    to the new one (or dropped where it reflected them itself), so that uninstalling
    complaint_tracking does not drop the constraints of a table it no longer owns."""
    cr.execute(
        r"""
        UPDATE ir_model_constraint c
           SET module = new.id
          FROM ir_module_module old, ir_module_module new
         WHERE c.module = old.id
           AND old.name = 'complaint_tracking'
           AND new.name = 'resource_workday_cn'
           AND c.name LIKE 'resource\_calendar\_workday\_%'
           AND NOT EXISTS (
                   SELECT 1 FROM ir_model_constraint o WHERE o.name = c.name AND o.module = new.id
               )
        """
    )
    cr.execute(
        r"""
        DELETE FROM ir_model_constraint c
              USING ir_module_module m
              WHERE c.module = m.id
                AND m.name = 'complaint_tracking'
                AND c.name LIKE 'resource\_calendar\_workday\_%'
        """
    )
