from collections import defaultdict

from odoo.osv import expression
from odoo.tools import SQL


def array_literal(values):
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
    """``model.create(vals_list)`` in one query, for the thousands of records that a job
    writes at once (the statements' generation, the collections job's reminders), where the
    ORM's per-record ``create`` would cost more than the computation that produced the
    values. Each column travels as one array (``unnest``), so the query does not grow with
    the number of rows.

    What ``create()`` does is done here, once for all records:

    * the default values of the fields not given (context defaults included);
    * the company consistency of the ``check_company`` fields (``_check_company``), one
      query per company and field (``_check_company_in_bulk``);
    * the Python constraints (``@api.constrains``); the SQL constraints hold by
      themselves.

    The caller gives the values ``create()`` would compute: every dict carries the
    same keys, plain stored fields only, and the stored computed and related fields
    among them (a missing one is refused). Nothing is tracked or logged in the chatter,
    as ``create()`` with ``tracking_disable`` and ``mail_create_nolog``. The records come
    back in the order of ``vals_list``.
    """
    if not vals_list:
        return model.browse()
    given = set(vals_list[0])
    if any(set(vals) != given for vals in vals_list):
        raise ValueError("bulk_insert: every record needs the same fields")
    missing_computed = sorted(
        name
        for name, field in model._fields.items()
        if field.store and field.compute and field.column_type and name not in given
    )
    if missing_computed:
        raise ValueError(f"bulk_insert on {model._name}: give the values of {missing_computed}")
    defaults = {
        name: value
        for name, value in model._add_missing_default_values(dict(vals_list[0])).items()
        if name not in given and model._fields[name].store and model._fields[name].column_type
    }
    names = [*given, *defaults]
    arrays = SQL(", ").join(
        SQL(
            "%s::%s[]",
            array_literal(vals.get(name, defaults.get(name)) for vals in vals_list),
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
    # ids are drawn from the sequence row after row, as unnest gives them: sorted, they are in
    # the order of ``vals_list``
    records = model.browse(sorted(row[0] for row in rows))
    _check_company_in_bulk(records, [{**defaults, **vals} for vals in vals_list])
    records._validate_fields(names)
    return records


def _check_company_in_bulk(records, vals_list):
    """``records._check_company()`` from the values inserted: the ids each ``check_company``
    field links to are searched once per company with the comodel's company domain, instead
    of reading the records back one prefetch batch at a time. A mismatch is left to the
    ORM's check, which raises its usual error."""
    model = records.browse()
    checked = [
        name
        for name in vals_list[0]
        if model._fields[name].relational and model._fields[name].check_company
    ]
    if not checked:
        return
    if "company_id" not in model._fields or any(
        model._fields[name].company_dependent for name in checked
    ):
        records._check_company(checked)
        return
    linked = defaultdict(lambda: defaultdict(set))
    for vals in vals_list:
        for name in checked:
            if vals[name]:
                linked[vals.get("company_id") or False][name].add(vals[name])
    env = model.env
    for company_id, ids_of in linked.items():
        companies = env["res.company"].browse(company_id or ())
        for name, ids in ids_of.items():
            comodel = env[model._fields[name].comodel_name].sudo().with_context(active_test=False)
            domain = comodel._check_company_domain(companies)
            if domain and comodel.search_count(
                expression.AND([[("id", "in", list(ids))], domain])
            ) < len(ids):
                records._check_company([name])
