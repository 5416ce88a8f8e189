from odoo import models


class SalesDailyReport(models.Model):
    _inherit = "sales.daily.report"

    def _report_sections(self):
        """The complaints received that day from each salesperson's customers, read in one
        query."""
        sections = super()._report_sections()
        start, end = self._datetime_range()
        complaints = (
            self.env["customer.complaint"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id.user_id", "in", self.user_id.ids),
                    ("received_at", ">=", start),
                    ("received_at", "<", end),
                ],
                order="received_at, id",
            )
        )
        states = dict(complaints._fields["state"]._description_selection(self.env))
        self._add_section(
            sections,
            self.env._("Complaints"),
            [
                self.env._("Number"),
                self.env._("Customer"),
                self.env._("Category"),
                self.env._("Status"),
            ],
            lambda report: [
                [
                    complaint.name,
                    complaint.commercial_partner_id.display_name,
                    complaint.category_id.display_name or "",
                    states.get(complaint.state, ""),
                ]
                for complaint in complaints
                if report._on_report_day(
                    complaint.commercial_partner_id.user_id, complaint.received_at
                )
            ],
        )
        return sections
