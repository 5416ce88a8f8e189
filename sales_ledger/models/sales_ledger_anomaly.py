from odoo import fields, models
from odoo.exceptions import AccessError, UserError

ANOMALY_TYPES = [
    ("no_salesperson", "Invoice without salesperson"),
    ("below_cost", "Price below cost"),
    ("below_floor", "Price below the list floor"),
    ("no_period", "Invoice in a month without sales ledger"),
    ("unapproved_customer", "Customer not approved"),
    ("negative_line", "Negative line on an invoice"),
]


class SalesLedgerAnomaly(models.Model):
    _name = "sales.ledger.anomaly"
    _inherit = ["workflow.guard.mixin"]
    _description = "Sales Ledger Anomaly"
    # Anomalies are found by the generation and accepted by the reviewer's button.
    _workflow_fields = (
        "period_id",
        "anomaly_type",
        "blocking",
        "line_id",
        "move_id",
        "partner_id",
        "product_id",
        "accepted",
        "accepted_by_id",
        "accepted_date",
        "explanation",
    )
    _order = "period_id, blocking desc, anomaly_type, id"
    _rec_name = "anomaly_type"

    period_id = fields.Many2one(
        "sales.ledger.period", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    anomaly_type = fields.Selection(ANOMALY_TYPES, "Anomaly", required=True, readonly=True)
    blocking = fields.Boolean(readonly=True, help="Blocks the submission until accepted.")
    line_id = fields.Many2one("sales.ledger.line", "Ledger Line", ondelete="cascade", readonly=True)
    move_id = fields.Many2one("account.move", "Invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    accepted = fields.Boolean(readonly=True)
    accepted_by_id = fields.Many2one("res.users", readonly=True)
    accepted_date = fields.Datetime("Accepted On", readonly=True)
    explanation = fields.Text(
        readonly=True, help="Why the reviewer accepts the anomaly, written when accepting it."
    )

    def action_accept(self, explanation=None):
        """Accept the anomalies with the reviewer's written ``explanation``.

        A button calls it without an explanation: it opens the form that asks for one.
        """
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise AccessError(self.env._("Only the reviewer (sales manager) accepts anomalies."))
        to_accept = self.filtered(lambda anomaly: not anomaly.accepted)
        if explanation is None:
            return to_accept._action_open_accept_wizard()
        if not (explanation or "").strip():
            raise UserError(
                self.env._("Write why the anomaly is accepted: the explanation is required.")
            )
        with to_accept._workflow_pass():
            to_accept.write(
                {
                    "accepted": True,
                    "accepted_by_id": self.env.uid,
                    "accepted_date": fields.Datetime.now(),
                    "explanation": explanation.strip(),
                }
            )
        return True

    def _action_open_accept_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Accept Anomalies"),
            "res_model": "sales.ledger.anomaly.accept.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_anomaly_ids": self.ids},
        }
