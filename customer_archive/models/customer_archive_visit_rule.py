from odoo import fields, models

from .res_partner import CUSTOMER_CATEGORIES


class CustomerArchiveVisitRule(models.Model):
    """How often customers of a category are visited (客户拜访制度)."""

    _name = "customer.archive.visit.rule"
    _description = "Customer Visit Plan"
    _order = "customer_category"
    _rec_name = "customer_category"

    customer_category = fields.Selection(CUSTOMER_CATEGORIES, required=True)
    visit_count = fields.Integer("Visits", required=True, default=1)
    period_days = fields.Integer("Every (days)", required=True, default=14)

    _sql_constraints = [
        ("category_unique", "UNIQUE(customer_category)", "One visit plan per category."),
        (
            "positive",
            "CHECK(visit_count > 0 AND period_days > 0)",
            "Visits and period must be positive.",
        ),
    ]
