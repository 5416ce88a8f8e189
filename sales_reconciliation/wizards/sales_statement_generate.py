from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.sales_statement import PERIOD_TYPES


class SalesStatementGenerate(models.TransientModel):
    _name = "sales.statement.generate"
    _description = "Generate Customer Statements"

    period_type = fields.Selection(PERIOD_TYPES, required=True, default="monthly")
    date_from = fields.Date(
        "From",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        "To", required=True, compute="_compute_dates", store=True, readonly=False, precompute=True
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('is_company', '=', True)]",
        help="Leave empty for every customer with activity or a balance in the period.",
    )

    @api.depends("period_type")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        last_month_end = today.replace(day=1) - relativedelta(days=1)
        for wizard in self:
            if wizard.period_type == "quarterly":
                quarter_start = today.replace(day=1, month=(today.month - 1) // 3 * 3 + 1)
                wizard.date_from = quarter_start - relativedelta(months=3)
                wizard.date_to = quarter_start - relativedelta(days=1)
            elif wizard.period_type == "yearly":
                wizard.date_from = today.replace(year=today.year - 1, month=1, day=1)
                wizard.date_to = today.replace(year=today.year - 1, month=12, day=31)
            elif wizard.period_type == "monthly" or not wizard.date_from:
                wizard.date_from = last_month_end.replace(day=1)
                wizard.date_to = last_month_end

    def action_generate(self):
        """Generate the statements of the period and say what was made: a notification
        with the counts, then the list of the statements."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period must end after it starts."))
        result = self.env["sales.statement"]._generate_statements(
            self.date_from, self.date_to, self.partner_ids or None
        )
        statements = result["statements"]
        period = f"{self.date_from} ~ {self.date_to}"
        if not statements:
            raise UserError(
                self.env._(
                    "No statement was generated for %(period)s: no customer has invoices, "
                    "credit notes or payments in the period, nor an open balance.",
                    period=period,
                )
                + self._skipped_text(result["skipped"])
            )
        changed = result["created"] | result["refreshed"] | result["reissued"]
        message = self.env._(
            "%(count)s statements for %(period)s: %(created)s new, %(refreshed)s drafts "
            "recomputed, %(reissued)s sent before and reissued as a new revision, "
            "%(unchanged)s unchanged.",
            count=len(statements),
            period=period,
            created=len(result["created"]),
            refreshed=len(result["refreshed"]),
            reissued=len(result["reissued"]),
            unchanged=len(statements - changed),
        ) + self._skipped_text(result["skipped"])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_reconciliation.sales_statement_action"
        )
        action["domain"] = [("id", "in", statements.ids)]
        action["context"] = {}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Statements generated"),
                "message": message,
                "type": "warning" if result["skipped"] else "success",
                "next": action,
            },
        }

    def _skipped_text(self, skipped):
        if not skipped:
            return ""
        return " " + self.env._(
            "%(skipped)s customers skipped: their statements belong to another salesperson "
            "or to none.",
            skipped=skipped,
        )
