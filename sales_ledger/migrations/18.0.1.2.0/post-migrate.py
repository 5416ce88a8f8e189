from odoo import SUPERUSER_ID, api

# Line discounts are shown once the suite is installed (security/sales_ledger_security.xml,
# noupdate: applied at install only).
# A price below cost now needs the quotation approvers too: the shipped (noupdate)
# definitions gain the condition, unless an administrator changed them.
LIMITS = (
    "('discount_over_limit', '=', True), ('below_pricelist', '=', True), "
    "('amount_over_limit', '=', True)"
)
WITH_COST = (
    "('discount_over_limit', '=', True), ('below_pricelist', '=', True), "
    "('below_cost', '=', True), ('amount_over_limit', '=', True)"
)
DOMAINS = {
    "sales_ledger.tier_quotation_supervisor": (
        f"[('supervisor_id', '!=', False), '|', '|', {LIMITS}]",
        f"[('supervisor_id', '!=', False), '|', '|', '|', {WITH_COST}]",
    ),
    "sales_ledger.tier_quotation_director": (
        f"['|', '|', {LIMITS}]",
        f"['|', '|', '|', {WITH_COST}]",
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("base.group_user").implied_ids |= env.ref("sale.group_discount_per_so_line")
    for xmlid, (shipped, updated) in DOMAINS.items():
        definition = env.ref(xmlid, raise_if_not_found=False)
        if definition and definition.definition_domain == shipped:
            definition.definition_domain = updated
