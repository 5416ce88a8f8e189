from odoo import api, fields, models


class ReportUnpaidSummary(models.AbstractModel):
    _name = "report.sales_reconciliation.report_unpaid_summary"
    _description = "Monthly Unpaid Summary"

    @api.model
    def _get_rows(self, company, date_from, date_to, partner_ids=None):
        """未付款明细表: previous balance, sales of the month (net of returns),
        receipts and receivable per customer, from one grouped query."""
        totals = self.env["sales.receivable.engine"]._totals(
            company, date_from, date_to, partner_ids
        )
        currency = company.currency_id
        partners = self.env["res.partner"].browse(list(totals)).with_context(active_test=False)
        partners.fetch(["name", "customer_code", "user_id"])
        rows = []
        sums = dict.fromkeys(("previous", "sales", "receipts", "receivable"), 0.0)
        for partner in partners.sorted(lambda p: (p.customer_code or "", p.name or "")):
            figures = totals[partner.id]
            row = {
                "partner": partner,
                "previous": currency.round(figures["opening_balance"]),
                "sales": currency.round(figures["amount_sales"] - figures["amount_returns"]),
                "receipts": currency.round(figures["amount_receipts"]),
            }
            row["receivable"] = currency.round(row["previous"] + row["sales"] - row["receipts"])
            rows.append(row)
            for key in sums:
                sums[key] += row[key]
        return rows, sums

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        company = self.env["res.company"].browse(data.get("company_id")) or self.env.company
        partner_ids = self.env["sales.statement"]._report_partner_ids(company)
        date_from = fields.Date.to_date(data.get("date_from"))
        date_to = fields.Date.to_date(data.get("date_to"))
        rows, sums = self._get_rows(company, date_from, date_to, partner_ids)
        return {
            "doc_ids": docids,
            "doc_model": "res.company",
            "docs": company,
            "company": company,
            "date_from": date_from,
            "date_to": date_to,
            "rows": rows,
            "sums": sums,
        }
