from itertools import groupby

from odoo import api, models


class SalesLedgerPeriodBook(models.AbstractModel):
    """The monthly sales ledger as a bound book: lines in ledger order, a subtotal per day,
    the late entries apart, the month's total and its summary per region and channel."""

    _name = "report.sales_ledger.report_sales_ledger_period"
    _description = "Monthly Sales Ledger Book"

    @api.model
    def _summary(self, period, field):
        """(group, untaxed, tax, total) of the period's lines per ``field``."""
        return self.env["sales.ledger.line"]._read_group(
            [("period_id", "=", period.id)],
            [field],
            ["amount_untaxed:sum", "amount_tax:sum", "amount_total:sum"],
            order=f"{field} asc",
        )

    @api.model
    def _groups(self, period):
        """[(date or False for the late entries, lines, untaxed, tax, total)] in ledger order."""
        groups = []
        lines = period.line_ids.sorted(lambda line: (line.ledger_number or 0, line.id))
        for key, group in groupby(lines, lambda line: not line.is_late_entry and line.date):
            group_lines = self.env["sales.ledger.line"].concat(*group)
            groups.append(
                (
                    key,
                    group_lines,
                    sum(group_lines.mapped("amount_untaxed")),
                    sum(group_lines.mapped("amount_tax")),
                    sum(group_lines.mapped("amount_total")),
                )
            )
        return groups

    @api.model
    def _get_report_values(self, docids, data=None):
        periods = self.env["sales.ledger.period"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "sales.ledger.period",
            "docs": periods,
            "groups": {period.id: self._groups(period) for period in periods},
            "regions": {period.id: self._summary(period, "region_id") for period in periods},
            "channels": {period.id: self._summary(period, "team_id") for period in periods},
        }
