from odoo import api, fields, models


class SalesArAgingWizard(models.TransientModel):
    _name = "sales.ar.aging.wizard"
    _description = "AR Aging Report"

    date_to = fields.Date("At", required=True, default=fields.Date.context_today)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    partner_ids = fields.Many2many(
        "res.partner", string="Customers", help="Only these customers; all when empty."
    )

    @api.model
    def _bucket_labels(self):
        return [
            ("aging_not_due", self.env._("Not Due")),
            ("aging_1_30", self.env._("1-30 Days")),
            ("aging_31_60", self.env._("31-60 Days")),
            ("aging_61_90", self.env._("61-90 Days")),
            ("aging_91_180", self.env._("91-180 Days")),
            ("aging_over_180", self.env._("Over 180 Days")),
        ]

    def _report_data(self):
        data = {"company_id": self.company_id.id, "date_to": fields.Date.to_string(self.date_to)}
        if self.partner_ids:
            data["partner_ids"] = self.partner_ids.ids
        return data

    def action_pdf(self):
        self.ensure_one()
        return self.env.ref("sales_reconciliation.ar_aging_report_action").report_action(
            self.company_id, data=self._report_data(), config=False
        )

    def action_xlsx(self):
        self.ensure_one()
        return self.env.ref("sales_reconciliation.ar_aging_xlsx_report_action").report_action(
            self.company_id, data=self._report_data(), config=False
        )
