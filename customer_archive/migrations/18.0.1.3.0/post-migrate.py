from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Databases that had the module before the change control became configurable: the
    companies get the regulation's set (004), which now includes the contact details."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._init_customer_protected_fields()
