def post_init_hook(env):
    """The companies that exist at install collect as the main company: they get the shipped
    collection levels (with their translations, loaded by then), unless the demo data gave
    them their own. A company created later gets them at its creation."""
    env["res.company"].search([])._create_default_collection_levels()
