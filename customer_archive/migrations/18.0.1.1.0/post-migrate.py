from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Databases that had the module before every customer got a code and a dossier."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._fill_customer_files()
