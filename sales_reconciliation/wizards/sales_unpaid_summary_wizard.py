from datetime import timedelta

from odoo import api, fields, models


class SalesUnpaidSummaryWizard(models.TransientModel):
    """Prints the monthly unpaid summary (客户未付款明细表) on demand, from the
    same report the month-end e-mail to the sales managers attaches."""

    _name = "sales.unpaid.summary.wizard"
    _description = "Monthly Unpaid Summary"

    @api.model
    def _default_date_to(self):
        today = fields.Date.context_today(self)
        return today.replace(day=1) - timedelta(days=1)

    @api.model
    def _default_date_from(self):
        return self._default_date_to().replace(day=1)

    date_from = fields.Date("From", required=True, default=_default_date_from)
    date_to = fields.Date("To", required=True, default=_default_date_to)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)

    def action_pdf(self):
        self.ensure_one()
        data = {
            "company_id": self.company_id.id,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }
        return self.env.ref("sales_reconciliation.unpaid_summary_report_action").report_action(
            self.company_id, data=data, config=False
        )
