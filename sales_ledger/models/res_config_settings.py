from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contract_expiry_reminder_days = fields.Integer(
        related="company_id.contract_expiry_reminder_days", readonly=False
    )
    quotation_discount_limit = fields.Float(
        related="company_id.quotation_discount_limit", readonly=False
    )
    quotation_amount_limit = fields.Monetary(
        related="company_id.quotation_amount_limit", readonly=False
    )
    group_sales_ledger_employee_read = fields.Boolean(
        "Employees Query the Sales Ledger",
        implied_group="sales_ledger.group_sales_ledger_reader",
        group="base.group_user",
        help="Every employee reads and prints the monthly sales ledger (read-only).",
    )
    sales_ledger_reviewer_id = fields.Many2one(
        related="company_id.sales_ledger_reviewer_id", readonly=False
    )
