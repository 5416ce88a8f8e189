from odoo import fields, models


class SalesAgingBucketsMixin(models.AbstractModel):
    """The receivables engine's aging buckets (``AGING_BUCKETS``) as amounts in the
    model's ``currency_id``: a statement's aging at its end date, an AR aging row's today."""

    _name = "sales.aging.buckets.mixin"
    _description = "Aging Buckets"

    currency_id = fields.Many2one("res.currency", readonly=True)

    aging_not_due = fields.Monetary("Not Due", readonly=True)
    aging_1_30 = fields.Monetary("1-30 Days", readonly=True)
    aging_31_60 = fields.Monetary("31-60 Days", readonly=True)
    aging_61_90 = fields.Monetary("61-90 Days", readonly=True)
    aging_91_180 = fields.Monetary("91-180 Days", readonly=True)
    aging_over_180 = fields.Monetary("Over 180 Days", readonly=True)
