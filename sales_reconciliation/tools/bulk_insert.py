from odoo.tools import SQL


def _array_literal(values):
    """PostgreSQL array literal of ``values`` (``False`` and ``None`` as NULL): one
    string parameter, which the server reads far faster than an ARRAY[...] of
    thousands of bound elements."""
    items = []
    for value in values:
        if value is None or value is False:
            items.append("NULL")
        elif isinstance(value, str):
            text = value.replace("\\", "\\\\").replace('"', '\\"')
            items.append(f'"{text}"')
        else:  # numbers and dates need no quoting
            items.append(str(value))
    return "{" + ",".join(items) + "}"


def bulk_insert(model, vals_list):
    """Insert ``vals_list`` into the table of ``model`` in one query and return the
    new records.

    Each column travels as one array (``unnest``), so the query does not grow with
    the number of rows. Only for plain stored fields: no default, compute,
    constraint or inverse runs, so every dict carries every value the records need
    (the same keys in each). Used where thousands of records are written at once and
    the ORM's per-record ``create`` would cost more than the computation that
    produced the values.
    """
    if not vals_list:
        return model.browse()
    names = list(vals_list[0])
    arrays = SQL(", ").join(
        SQL(
            "%s::%s[]",
            _array_literal(vals[name] for vals in vals_list),
            SQL(model._fields[name].column_type[1]),
        )
        for name in names
    )
    env = model.env
    model.flush_model()
    rows = env.execute_query(
        SQL(
            """
            INSERT INTO %(table)s (%(names)s, create_uid, write_uid, create_date, write_date)
            SELECT *, %(uid)s, %(uid)s, %(now)s, %(now)s FROM unnest(%(arrays)s)
            RETURNING id
            """,
            table=SQL.identifier(model._table),
            names=SQL(", ").join(SQL.identifier(name) for name in names),
            uid=env.uid,
            now=env.cr.now(),
            arrays=arrays,
        )
    )
    return model.browse(row[0] for row in rows)
