from odoo import models
from odoo.tools import SQL


class SalesLedgerPeriodXlsx(models.AbstractModel):
    _inherit = "report.sales_ledger.report_sales_ledger_period_xlsx"

    def _extra_columns(self):
        return [
            *super()._extra_columns(),
            (self.env._("Lot/Serial Numbers"), SQL("l.lot_names")),
            (self.env._("Delivery Notes"), SQL("l.picking_names")),
        ]
