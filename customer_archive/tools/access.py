def may_create(model, vals_list):
    """Whether the current user may create each of the records ``vals_list`` describes, by
    the model's access rights and its record rules for creation: for code that creates as
    superuser (bulk inserts, system-given records) on a user's behalf. The values are
    evaluated on new records, so related and computed fields the rules name count."""
    env = model.env
    if env.su:
        return [True] * len(vals_list)
    if not model.browse().has_access("create"):
        return [False] * len(vals_list)
    domain = env["ir.rule"]._compute_domain(model._name, "create")
    if not domain:
        return [True] * len(vals_list)
    new_model = model.sudo()
    return [bool(new_model.new(vals).filtered_domain(domain)) for vals in vals_list]
