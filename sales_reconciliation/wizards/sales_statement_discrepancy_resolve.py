from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.sales_statement_discrepancy import REASON_CATEGORIES, RESPONSIBLE_SIDES


class SalesStatementDiscrepancyResolve(models.TransientModel):
    """The resolution of disputed lines, asked for in one dialog: why, whose side, what was
    done, and a draft credit note for our over-billing when that is the answer."""

    _name = "sales.statement.discrepancy.resolve"
    _description = "Resolve Statement Discrepancies"

    discrepancy_ids = fields.Many2many(
        "sales.statement.discrepancy",
        "sales_statement_discrepancy_resolve_rel",
        string="Discrepancies",
        default=lambda self: self.env.context.get("active_ids"),
        required=True,
    )
    currency_id = fields.Many2one(related="discrepancy_ids.currency_id")
    reason_category = fields.Selection(REASON_CATEGORIES, required=True)
    responsible_side = fields.Selection(RESPONSIBLE_SIDES, required=True)
    resolution = fields.Text(
        required=True, help="What was done; the customer reads it on the statement's page."
    )
    over_billed = fields.Monetary(
        compute="_compute_over_billed",
        help="How much more our figures say than the customer's, on these lines.",
    )
    create_credit_note = fields.Boolean(
        help="Prepare a draft credit note of that amount for the customer; finance posts it."
    )

    @api.depends("discrepancy_ids.difference")
    def _compute_over_billed(self):
        for wizard in self:
            wizard.over_billed = max(sum(wizard.discrepancy_ids.mapped("difference")), 0.0)

    def action_resolve(self):
        self.ensure_one()
        discrepancies = self.discrepancy_ids
        if discrepancies.filtered(lambda d: d.state != "open"):
            raise UserError(self.env._("Only open discrepancies are resolved."))
        discrepancies.write(
            {
                "reason_category": self.reason_category,
                "responsible_side": self.responsible_side,
                "resolution": self.resolution,
            }
        )
        if self.create_credit_note and self.over_billed:
            discrepancies._attach_credit_note(self._create_credit_note())
        discrepancies.action_resolve()
        return {"type": "ir.actions.act_window_close"}

    def _create_credit_note(self):
        statement = self.discrepancy_ids.statement_id
        if len(statement) != 1:
            raise UserError(
                self.env._("A credit note is prepared for the lines of one statement at a time.")
            )
        # a draft of the disputed difference only, as Sales invoices its orders: the
        # salesperson prepares it, finance (who may post) reviews and posts it
        Move = self.env["account.move"]
        if not Move.has_access("create"):
            Move = Move.sudo()
        return Move.create(
            {
                "move_type": "out_refund",
                "partner_id": statement.partner_id.id,
                "company_id": statement.company_id.id,
                "currency_id": statement.currency_id.id,
                "invoice_origin": statement.name,
                "ref": self.resolution,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": self.env._(
                                "Statement %(statement)s, %(document)s: %(reason)s",
                                statement=statement.name,
                                document=discrepancy.document or "-",
                                reason=self.resolution,
                            ),
                            "quantity": 1.0,
                            "price_unit": discrepancy.difference,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for discrepancy in self.discrepancy_ids
                    if discrepancy.difference > 0
                ],
            }
        )
