from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.customer_archive.models.customer_approval_request import (
    REQUEST_STATES,
    CustomerApprovalRequestMixin,
)


class SalesBadDebtRequest(models.Model):
    """Bad-debt request (坏帐申请单, regulation 004: 客户经理填写坏帐申请单由上级经理审批后
    交财务结算).

    The salesperson names the customer's open invoices, the amount to write off, the reason
    and the evidence; the sales manager approves, then finance (tier definitions in
    data/tier_definition_data.xml); nobody approves his own request. On approval the
    write-off entry is posted — the company's bad-debt expense account debited, the
    receivable credited — in the invoices' currency and reconciled with the invoices, whose
    residual drops by the amount."""

    _name = "sales.bad.debt.request"
    _description = "Bad-Debt Request"
    _inherit = ["customer.approval.request.mixin", "document.number.mixin"]
    _order = "id desc"
    _sequence_code = "sales.bad.debt.request"
    _workflow_fields = (*CustomerApprovalRequestMixin._workflow_fields, "move_id")
    _workflow_frozen_fields = (
        *CustomerApprovalRequestMixin._workflow_frozen_fields,
        "invoice_ids",
        "amount",
        "attachment_ids",
    )

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(REQUEST_STATES)
    invoice_ids = fields.Many2many(
        "account.move",
        string="Invoices",
        required=True,
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('payment_state', 'in', ('not_paid', 'partial')), "
        "('commercial_partner_id', '=', partner_id), ('company_id', '=', company_id)]",
        help="Open invoices of the customer to write off, the oldest first.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        help="The invoices' currency: the amount and the write-off are in it.",
    )
    amount_residual = fields.Monetary(
        "Amount Due",
        compute="_compute_amount_residual",
        help="What the customer still owes on the invoices.",
    )
    amount = fields.Monetary(
        "Amount to Write Off", required=True, tracking=True, help="At most the amount due."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Evidence",
        copy=False,
        help="What shows the debt cannot be collected: court rulings, bankruptcy notices, "
        "correspondence, collection records. Required to submit.",
    )
    move_id = fields.Many2one(
        "account.move", "Write-off Entry", readonly=True, copy=False, check_company=True
    )

    _sql_constraints = (
        ("amount_positive", "CHECK(amount > 0)", "The amount to write off must be positive."),
    )

    @api.depends("invoice_ids.currency_id", "company_id")
    def _compute_currency_id(self):
        for request in self:
            request.currency_id = (
                request.invoice_ids[:1].currency_id or request.company_id.currency_id
            )

    @api.depends("invoice_ids.amount_residual")
    def _compute_amount_residual(self):
        for request in self:
            request.amount_residual = sum(request.invoice_ids.mapped("amount_residual"))

    @api.constrains("invoice_ids", "partner_id", "company_id", "amount")
    def _check_invoices(self):
        for request in self.filtered(lambda r: r.state == "draft"):
            invoices = request.invoice_ids
            foreign = invoices.filtered(
                lambda move, request=request: (
                    move.move_type != "out_invoice"
                    or move.state != "posted"
                    or move.commercial_partner_id != request.partner_id.commercial_partner_id
                    or move.company_id != request.company_id
                )
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "%(request)s: only posted invoices of %(customer)s in %(company)s can "
                        "be written off (not %(invoices)s).",
                        request=request.name,
                        customer=request.partner_id.name,
                        company=request.company_id.name,
                        invoices=", ".join(foreign.mapped("name")),
                    )
                )
            if len(invoices.currency_id) > 1:
                raise ValidationError(
                    self.env._(
                        "%(request)s: the invoices written off together share one currency.",
                        request=request.name,
                    )
                )
            request._check_amount_due()

    def _check_amount_due(self):
        self.ensure_one()
        if self.currency_id.compare_amounts(self.amount, self.amount_residual) > 0:
            raise ValidationError(
                self.env._(
                    "%(request)s: the amount to write off %(amount)s is more than the amount "
                    "due on its invoices %(due)s.",
                    request=self.name,
                    amount=self.currency_id.format(self.amount),
                    due=self.currency_id.format(self.amount_residual),
                )
            )

    def _request_check_submit(self):
        for request in self:
            if not request.attachment_ids:
                raise UserError(
                    self.env._(
                        "%(request)s: attach the evidence that the debt cannot be collected "
                        "before submitting it.",
                        request=request.name,
                    )
                )
            request._check_amount_due()
            request._write_off_account()

    def _write_off_account(self):
        """The company's bad-debt expense account, or a clear error."""
        self.ensure_one()
        account = self.company_id.bad_debt_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Set the bad-debt expense account of %(company)s in the Sales settings first.",
                    company=self.company_id.name,
                )
            )
        return account

    def _request_approved(self):
        for request in self:
            # Payments may have come in while it was reviewed: never write off more than due.
            request._check_amount_due()
            move = request._create_write_off_move()
            request._tier_write({"move_id": move.id})
            request.message_post(
                body=self.env._("Write-off entry %(move)s posted.", move=move._get_html_link())
            )

    def _create_write_off_move(self):
        """Post the write-off entry of ``self`` and reconcile it with the invoices, oldest
        due first, up to the amount."""
        self.ensure_one()
        company = self.company_id
        today = fields.Date.context_today(self)
        journal = self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(company), ("type", "=", "general")],
            limit=1,
        )
        if not journal:
            raise UserError(
                self.env._("%(company)s has no miscellaneous journal.", company=company.name)
            )
        label = self.env._(
            "Bad debt %(request)s: %(reason)s", request=self.name, reason=self.reason
        )
        left = self.amount
        pairs = []
        lines = []
        for invoice in self.invoice_ids.sorted(lambda move: (move.invoice_date_due, move.id)):
            part = min(left, invoice.amount_residual)
            if self.currency_id.is_zero(part):
                continue
            left = self.currency_id.round(left - part)
            receivable = invoice.line_ids.filtered(
                lambda line: (
                    line.account_id.account_type == "asset_receivable" and not line.reconciled
                )
            )
            pairs.append((invoice, receivable))
            balance = self.currency_id._convert(part, company.currency_id, company, today)
            lines.append(
                {
                    "name": f"{label} ({invoice.name})",
                    "partner_id": invoice.commercial_partner_id.id,
                    "account_id": receivable[:1].account_id.id,
                    "currency_id": self.currency_id.id,
                    "amount_currency": -part,
                    "balance": -balance,
                }
            )
        lines.append(
            {
                "name": label,
                "partner_id": self.partner_id.commercial_partner_id.id,
                "account_id": self._write_off_account().id,
                "currency_id": self.currency_id.id,
                "amount_currency": -sum(line["amount_currency"] for line in lines),
                "balance": -sum(line["balance"] for line in lines),
            }
        )
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "company_id": company.id,
                "date": today,
                "ref": label,
                "line_ids": [Command.create(vals) for vals in lines],
            }
        )
        move.action_post()
        for (invoice, receivable), write_off_line in zip(
            pairs, move.line_ids.sorted("id"), strict=False
        ):
            (receivable + write_off_line).reconcile()
            invoice.message_post(
                body=self.env._(
                    "Written off as a bad debt by %(request)s.", request=self._get_html_link()
                )
            )
        return move
