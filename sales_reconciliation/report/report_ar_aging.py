from odoo import api, fields, models

from ..models.sales_receivable_engine import AGING_KEYS


class ReportArAging(models.AbstractModel):
    _name = "report.sales_reconciliation.report_ar_aging"
    _description = "AR Aging Report"

    @api.model
    def _get_rows(self, company, date_to, partner_ids=None):
        """Aging per customer at ``date_to``: one grouped query for all customers."""
        aging = self.env["sales.receivable.engine"]._aging(company, date_to, partner_ids)
        currency = company.currency_id
        partners = self.env["res.partner"].browse(list(aging)).with_context(active_test=False)
        partners.fetch(["name", "customer_code", "user_id"])
        keys = list(AGING_KEYS)
        rows = []
        totals = dict.fromkeys(keys + ["total"], 0.0)
        for partner in partners.sorted(lambda p: (p.customer_code or "", p.name or "")):
            buckets = {key: currency.round(aging[partner.id][key]) for key in keys}
            total = currency.round(sum(buckets.values()))
            if currency.is_zero(total) and not any(buckets.values()):
                continue
            rows.append({"partner": partner, "total": total, **buckets})
            for key in keys:
                totals[key] += buckets[key]
            totals["total"] += total
        return rows, totals

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        company = self.env["res.company"].browse(data.get("company_id")) or self.env.company
        partner_ids = self.env["sales.statement"]._report_partner_ids(company)
        if data.get("partner_ids"):
            # some customers (those of the on-screen aging), never beyond the user's
            requested = set(data["partner_ids"])
            partner_ids = requested if partner_ids is None else requested & set(partner_ids)
        date_to = fields.Date.to_date(data.get("date_to")) or fields.Date.context_today(self)
        rows, totals = self._get_rows(company, date_to, partner_ids)
        return {
            "doc_ids": docids,
            "doc_model": "res.company",
            "docs": company,
            "company": company,
            "date_to": date_to,
            "rows": rows,
            "totals": totals,
            "buckets": self.env["sales.ar.aging.wizard"]._bucket_labels(),
        }
