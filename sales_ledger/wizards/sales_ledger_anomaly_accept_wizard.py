from odoo import fields, models


class SalesLedgerAnomalyAcceptWizard(models.TransientModel):
    _name = "sales.ledger.anomaly.accept.wizard"
    _description = "Accept Sales Ledger Anomalies"

    anomaly_ids = fields.Many2many("sales.ledger.anomaly", string="Anomalies", readonly=True)
    explanation = fields.Text(required=True, help="Why these anomalies are accepted.")

    def action_confirm(self):
        self.ensure_one()
        self.anomaly_ids.action_accept(self.explanation)
        return {"type": "ir.actions.act_window_close"}
