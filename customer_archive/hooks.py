def post_init_hook(env):
    """The customers present before the module: each gets its code and dossier; the
    companies present get the regulation's change control (004)."""
    env["res.company"]._init_customer_protected_fields()
    env["res.partner"]._fill_customer_files()
