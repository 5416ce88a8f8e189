from odoo import api, fields, models
from odoo.exceptions import UserError

REASON_CATEGORIES = [
    ("entry_error", "Data entry error"),
    ("quantity", "Delivered quantity differs"),
    ("price", "Price adjustment"),
    ("return", "Return not processed"),
    ("invoice", "Invoice not received"),
    ("other", "Other"),
]
RESPONSIBLE_SIDES = [("company", "Our company"), ("customer", "Customer"), ("both", "Both")]


class SalesStatementDiscrepancy(models.Model):
    _name = "sales.statement.discrepancy"
    _inherit = ["workflow.guard.mixin"]
    _description = "Statement Discrepancy"
    _order = "statement_id, id"
    _workflow_fields = ("state", "resolved_by", "resolved_on", "escalated", "credit_note_id")
    # What the customer disputed is the customer's.
    _workflow_frozen_fields = (
        "statement_id",
        "revision",
        "statement_line_id",
        "document",
        "our_amount",
        "their_amount",
        "customer_reason",
    )
    _workflow_frozen_states = ("open", "resolved")

    statement_id = fields.Many2one("sales.statement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    partner_id = fields.Many2one(related="statement_id.partner_id", store=True)
    user_id = fields.Many2one(related="statement_id.user_id", store=True)
    revision = fields.Integer(readonly=True)
    statement_line_id = fields.Many2one("sales.statement.line")
    document = fields.Char()
    our_amount = fields.Monetary()
    their_amount = fields.Monetary("Customer's Amount")
    difference = fields.Monetary(compute="_compute_difference", store=True)
    customer_reason = fields.Text("Customer's Explanation")
    reason_category = fields.Selection(REASON_CATEGORIES)
    responsible_side = fields.Selection(RESPONSIBLE_SIDES)
    resolution = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")], default="open", required=True, index=True
    )
    resolved_by = fields.Many2one("res.users", readonly=True)
    resolved_on = fields.Datetime(readonly=True)
    escalated = fields.Boolean(readonly=True)
    credit_note_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        help="Prepared when the discrepancy was resolved.",
    )

    @api.depends("our_amount", "their_amount")
    def _compute_difference(self):
        for discrepancy in self:
            discrepancy.difference = discrepancy.our_amount - discrepancy.their_amount

    def action_open_resolve(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Resolve Discrepancies"),
            "res_model": "sales.statement.discrepancy.resolve",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _attach_credit_note(self, credit_note):
        with self._workflow_pass():
            self.write({"credit_note_id": credit_note.id})

    def action_resolve(self):
        for discrepancy in self:
            if not (
                discrepancy.reason_category
                and discrepancy.responsible_side
                and discrepancy.resolution
            ):
                raise UserError(
                    self.env._(
                        "Record the reason category, the responsible side and the resolution "
                        "of %(document)s.",
                        document=discrepancy.document or "-",
                    )
                )
        with self._workflow_pass():
            self.write(
                {
                    "state": "resolved",
                    "resolved_by": self.env.uid,
                    "resolved_on": fields.Datetime.now(),
                }
            )
        # The labels in the user's language, not the English of the code.
        categories = dict(self._fields["reason_category"]._description_selection(self.env))
        for statement in self.statement_id:
            done = self.filtered(lambda d, s=statement: d.statement_id == s)
            statement.message_post(
                body=self.env._(
                    "Discrepancy resolved: %(lines)s",
                    lines="; ".join(
                        f"{d.document or '-'} ({categories[d.reason_category]}): {d.resolution}"
                        for d in done
                    ),
                )
            )
        return True

    def _escalate(self):
        """Open too long: ask the salesperson's team leader to step in."""
        for discrepancy in self:
            statement = discrepancy.statement_id
            leader = statement.team_id.user_id or statement.user_id
            statement.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=leader.id or self.env.uid,
                summary=self.env._(
                    "Discrepancy open too long: %(document)s", document=discrepancy.document
                ),
            )
        with self._workflow_pass():
            self.write({"escalated": True})
