from odoo import api, fields, models
from odoo.tools import SQL


class SalesRegion(models.Model):
    """A sales region (销售区域) of the sales ledger: 华东, 华北… Customers take the region of
    their province by default."""

    _name = "sales.region"
    _description = "Sales Region"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state_ids = fields.Many2many(
        "res.country.state",
        "sales_region_state_rel",
        "region_id",
        "state_id",
        "Provinces",
        help="Customers in these provinces (states) belong to the region by default.",
    )

    _sql_constraints = (
        ("name_uniq", "UNIQUE(name)", "A sales region with this name already exists."),
    )

    @api.model
    def _assign_to_partners_without_region(self):
        """Give the partners without a sales region their province's, as
        ``res.partner._compute_sales_region_id`` does (the first active region by sequence),
        in one statement. Called when the shipped regions are loaded: Odoo computed the
        partners' new column before they existed, leaving every existing customer without
        a region."""
        self.flush_model()
        self.env["res.partner"].flush_model(["state_id", "sales_region_id"])
        self.env.cr.execute(
            SQL(
                """
            UPDATE res_partner partner
               SET sales_region_id = first.region_id
              FROM (SELECT DISTINCT ON (rel.state_id) rel.state_id, rel.region_id
                      FROM sales_region_state_rel rel
                      JOIN sales_region region ON region.id = rel.region_id
                     WHERE region.active
                  ORDER BY rel.state_id, region.sequence, region.id) first
             WHERE partner.state_id = first.state_id AND partner.sales_region_id IS NULL
                """
            )
        )
        self.env["res.partner"].invalidate_model(["sales_region_id"])
