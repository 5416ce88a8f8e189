from odoo import models
from odoo.tools import format_amount


class SalesDailyReport(models.Model):
    _inherit = "sales.daily.report"

    def _report_sections(self):
        """The day's quotations (created that day) and orders (confirmed that day) of each
        salesperson, read in one query."""
        sections = super()._report_sections()
        start, end = self._datetime_range()
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    "|",
                    "&",
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                    "&",
                    ("state", "=", "sale"),
                    "&",
                    ("date_order", ">=", start),
                    ("date_order", "<", end),
                ],
                order="id",
            )
        )
        states = dict(orders._fields["state"]._description_selection(self.env))

        def row(order):
            return [
                order.name,
                order.partner_id.commercial_partner_id.display_name,
                format_amount(self.env, order.amount_total, order.currency_id),
                states.get(order.state, ""),
            ]

        headers = [
            self.env._("Number"),
            self.env._("Customer"),
            self.env._("Total"),
            self.env._("Status"),
        ]
        self._add_section(
            sections,
            self.env._("Quotations"),
            headers,
            lambda report: [
                row(order)
                for order in orders
                if report._on_report_day(order.user_id, order.create_date)
            ],
        )
        self._add_section(
            sections,
            self.env._("Orders Confirmed"),
            headers,
            lambda report: [
                row(order)
                for order in orders
                if order.state == "sale" and report._on_report_day(order.user_id, order.date_order)
            ],
        )
        return sections
