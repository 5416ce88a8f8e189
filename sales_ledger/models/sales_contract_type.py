from odoo import fields, models


class SalesContractType(models.Model):
    """The kind of a sales contract (框架/单项/年度/服务…), configurable."""

    _name = "sales.contract.type"
    _description = "Sales Contract Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = (
        ("name_uniq", "UNIQUE(name)", "A contract type with this name already exists."),
    )
