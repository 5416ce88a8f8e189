from odoo import SUPERUSER_ID, api

# The salesperson's rules of noupdate data, now for reading only (records without
# salesperson are read by every salesperson); their "_write" rules come with the update.
READ_ONLY_RULES = (
    "sales_reconciliation.sales_statement_rule_salesman",
    "sales_reconciliation.sales_statement_discrepancy_rule_salesman",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in READ_ONLY_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.write({"perm_write": False, "perm_create": False, "perm_unlink": False})
