from odoo import SUPERUSER_ID, api

# The statement and its reminder go to the statement's recipients (accounting contact or
# invoice addresses), no longer to the customer's own address: the templates are noupdate
# data, updated here unless someone changed them.
TEMPLATES = (
    "sales_reconciliation.mail_template_sales_statement",
    "sales_reconciliation.mail_template_sales_statement_reminder",
)
OLD_PARTNER_TO = "{{ object.partner_id.id }}"
NEW_PARTNER_TO = "{{ ','.join(str(partner.id) for partner in object.recipient_ids) }}"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in TEMPLATES:
        template = env.ref(xmlid, raise_if_not_found=False)
        if template and template.partner_to == OLD_PARTNER_TO:
            template.partner_to = NEW_PARTNER_TO
