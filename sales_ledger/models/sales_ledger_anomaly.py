from odoo import fields, models
from odoo.exceptions import AccessError

ANOMALY_TYPES = [
    ("no_salesperson", "Invoice without salesperson"),
    ("below_cost", "Price below cost"),
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

    def action_accept(self):
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise AccessError(self.env._("Only the reviewer (sales manager) accepts anomalies."))
        to_accept = self.filtered(lambda anomaly: not anomaly.accepted)
        with to_accept._workflow_pass():
            to_accept.write(
                {
                    "accepted": True,
                    "accepted_by_id": self.env.uid,
                    "accepted_date": fields.Datetime.now(),
                }
            )
        return True
