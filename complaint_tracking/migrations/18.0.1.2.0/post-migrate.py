from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Registers signed before this version stored no rows (they were read live): store
    them as they read now, the nearest to what was signed."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    registers = env["customer.service.register"].search([("state", "=", "signed")])
    registers.filtered(lambda register: not register.line_ids)._freeze_rows()
