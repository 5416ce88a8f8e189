from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    contract_id = fields.Many2one(
        "sales.contract",
        compute="_compute_contract_id",
        store=True,
        index="btree_not_null",
    )
    ledger_period_id = fields.Many2one(
        "sales.ledger.period",
        "Sales Ledger Period",
        compute="_compute_ledger_period_id",
        compute_sudo=True,
    )
    ledger_late_entry = fields.Boolean(
        "Late Ledger Entry", compute="_compute_ledger_period_id", compute_sudo=True
    )

    @api.depends("invoice_line_ids.sale_line_ids.order_id.contract_id")
    def _compute_contract_id(self):
        for move in self:
            contracts = move.invoice_line_ids.sale_line_ids.order_id.contract_id
            move.contract_id = contracts[:1]

    def _compute_ledger_period_id(self):
        groups = self.env["sales.ledger.line"]._read_group(
            [("move_line_id", "in", self.invoice_line_ids.ids)],
            ["move_line_id", "period_id"],
            ["is_late_entry:bool_or"],
        )
        # an invoice is in one month's ledger: its late lines are all late
        periods = {line.move_id.id: (period, late) for line, period, late in groups}
        for move in self:
            period, late = periods.get(move.id, (False, False))
            move.ledger_period_id = period
            move.ledger_late_entry = late
