from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    sales_specification = fields.Char(
        "Specification / Model",
        help="规格/型号 of the sales ledger; when empty, the ledger shows the values of the "
        "variant's attributes.",
    )
