from odoo import fields, models


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
