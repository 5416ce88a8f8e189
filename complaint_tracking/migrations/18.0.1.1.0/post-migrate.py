def migrate(cr, version):
    """Make-up workdays (``resource.calendar.workday``) moved to ``resource_workday_cn``,
    which this version depends on and which is installed before it. Odoo keeps the
    table, its rows and the model's xmlids of the new module and drops those of this
    one; the unique constraint of the model is reflected by both, so that the record
    of this module is removed here: uninstalling complaint_tracking must not drop it."""
    cr.execute(
        """
        DELETE FROM ir_model_constraint c
              USING ir_module_module m
              WHERE c.module = m.id
                AND m.name = 'complaint_tracking'
                AND c.name = 'resource_calendar_workday_calendar_date_unique'
        """
    )
