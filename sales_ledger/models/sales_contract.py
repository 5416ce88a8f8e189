from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.customer_archive.models.retention_target_mixin import OPEN_INVOICE_DOMAIN
from odoo.addons.record_retention.models.retention_destruction import destruction_allowed

from ..tools import PAYMENT_JOURNAL_TYPES

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("active", "Signed / Active"),
    ("done", "Done"),
    ("terminated", "Terminated"),
    ("rescinded", "Rescinded"),
    ("cancelled", "Cancelled"),
]
# The two ends of a contract before its performance is complete (seed 000, 第三章 (九)):
# rescission (解除) ends it early by a party's right or by agreement, termination (终止) as
# the law or its own terms provide. Each is its own state, recorded with reason and date.
ENDING_TYPES = [
    ("termination", "Termination"),
    ("rescission", "Rescission"),
]
ENDED_STATES = ("terminated", "rescinded")
PERFORMANCE_STATUSES = [
    ("none", "Not Performed"),
    ("partial", "Partially Performed"),
    ("full", "Fully Performed"),
]


class SalesContract(models.Model):
    """Sales contract (销售合同台账): the sales supervisor, then the contract administrator
    (legal) approve it (tier definitions in data/tier_definition_data.xml)."""

    _name = "sales.contract"
    _description = "Sales Contract"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "workflow.guard.mixin",
        "tier.validation",
        "retention.target.mixin",
    )
    _order = "date_signed desc, id desc"
    _check_company_auto = True
    _rec_names_search = ("name", "title")
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    _tier_owner_fields = ("user_id",)
    _workflow_fields = (
        "state",
        "validation_status",
        "termination_reason",
        "termination_date",
        "date_closed",
        "expiry_reminded",
        "overdue_reminded",
    )
    # Once approved, amount, parties and dates change through an approved change only.
    _workflow_frozen_fields = (
        "amount",
        "currency_id",
        "partner_id",
        "company_id",
        "date_signed",
        "date_start",
        "date_end",
    )
    _workflow_frozen_states = ("approved", "active", "done", *ENDED_STATES)
    _retention_actions = ("delete",)

    name = fields.Char(
        "Contract Number", required=True, copy=False, readonly=True, default="/", index="trigram"
    )
    title = fields.Char(required=True, tracking=True)
    type_id = fields.Many2one(
        "sales.contract.type",
        "Contract Type",
        tracking=True,
        index="btree_not_null",
        help="框架/单项/年度/服务…: configured in Sales Ledger › Configuration › Contract Types.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
        index=True,
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    amount = fields.Monetary(
        "Contract Amount", tracking=True, help="Total amount of the contract, taxes included."
    )
    date_signed = fields.Date("Signing Date", tracking=True)
    date_start = fields.Date("Start Date", tracking=True)
    date_end = fields.Date("End Date", tracking=True)
    payment_terms = fields.Text()
    delivery_terms = fields.Text()
    settlement_method = fields.Selection(
        [("cash", "Cash"), ("monthly", "Monthly")],
        compute="_compute_settlement_method",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    original_location = fields.Char(
        "Original Kept At", help="Where the stamped paper original is filed."
    )
    state = fields.Selection(
        CONTRACT_STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    sale_order_ids = fields.One2many("sale.order", "contract_id", "Orders")
    sale_order_count = fields.Integer("Order Count", compute="_compute_sale_order_count")
    delivered_amount = fields.Monetary(
        compute="_compute_performance", store=True, help="Delivered amount of the linked orders."
    )
    invoiced_amount = fields.Monetary(
        compute="_compute_performance",
        store=True,
        help="Amount of the posted invoices minus credit notes of the linked orders.",
    )
    performance_status = fields.Selection(
        PERFORMANCE_STATUSES,
        compute="_compute_performance",
        store=True,
        tracking=True,
        index=True,
    )
    change_ids = fields.One2many("sales.contract.change", "contract_id", "Changes")
    dispute_ids = fields.One2many("sales.contract.dispute", "contract_id", "Disputes")
    dispute_count = fields.Integer(compute="_compute_dispute_count")
    termination_reason = fields.Text(
        "Rescission or Termination Reason", readonly=True, copy=False, tracking=True
    )
    termination_date = fields.Date(
        "Rescission or Termination Date", readonly=True, copy=False, tracking=True
    )
    date_closed = fields.Date(
        "Completed or Terminated On",
        readonly=True,
        copy=False,
        help="The day the contract was actually completed or terminated: its retention "
        "period starts then.",
    )
    expiry_reminded = fields.Boolean(copy=False, readonly=True)
    overdue_reminded = fields.Boolean(
        copy=False,
        readonly=True,
        help="The end date passed without full performance and the salesperson was alerted.",
    )
    collected_amount = fields.Monetary(
        compute="_compute_performance",
        store=True,
        help="Payments received on the invoices of the linked orders, in the contract's "
        "currency at the payment dates.",
    )
    written_off_amount = fields.Monetary(
        "Written Off",
        compute="_compute_performance",
        store=True,
        help="Receivables of the linked invoices settled by an entry that is neither a payment "
        "nor a credit note (a bad debt written off): not collected, no longer owed.",
    )
    outstanding_amount = fields.Monetary(
        compute="_compute_performance",
        store=True,
        help="Invoiced minus collected and written off: what the customer still owes on the "
        "contract.",
    )
    note = fields.Html("Notes")

    _sql_constraints = (
        ("name_company_uniq", "UNIQUE(name, company_id)", "Contract numbers are unique."),
        ("amount_positive", "CHECK(amount >= 0)", "The contract amount cannot be negative."),
        (
            "dates_order",
            "CHECK(date_start IS NULL OR date_end IS NULL OR date_start <= date_end)",
            "A contract cannot end before it starts.",
        ),
    )

    @api.depends("partner_id")
    def _compute_settlement_method(self):
        for contract in self:
            contract.settlement_method = (
                contract.partner_id.commercial_partner_id.settlement_method or "cash"
            )

    @api.depends("sale_order_ids")
    def _compute_sale_order_count(self):
        groups = self.env["sale.order"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
        )
        counts = {contract.id: count for contract, count in groups}
        for contract in self:
            contract.sale_order_count = counts.get(contract.id, 0)

    @api.depends("dispute_ids")
    def _compute_dispute_count(self):
        groups = self.env["sales.contract.dispute"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
        )
        counts = {contract.id: count for contract, count in groups}
        for contract in self:
            contract.dispute_count = counts.get(contract.id, 0)

    @api.depends(
        "amount",
        "sale_order_ids.state",
        "sale_order_ids.order_line.qty_delivered",
        "sale_order_ids.order_line.price_reduce_taxinc",
        "sale_order_ids.order_line.invoice_lines.parent_state",
        "sale_order_ids.order_line.invoice_lines.price_total",
        "sale_order_ids.order_line.invoice_lines.move_id.amount_residual",
        "currency_id",
    )
    def _compute_performance(self):
        """Delivered, invoiced and collected amounts of the linked orders, read in one query
        per batch and converted to the contract's currency at the date of each document (the
        order, the invoice, the payment)."""
        ids = [contract_id for contract_id in self.ids if contract_id]
        figures = {}
        if ids:
            self.env["sale.order"].flush_model(["contract_id", "state", "currency_id"])
            self.env["sale.order.line"].flush_model(
                ["order_id", "qty_delivered", "price_reduce_taxinc", "display_type"]
            )
            self.env["account.move.line"].flush_model(
                ["parent_state", "price_total", "move_id", "amount_residual_currency", "journal_id"]
            )
            self.env["account.move"].flush_model(["move_type", "currency_id", "invoice_date"])
            self.env["account.partial.reconcile"].flush_model()
            rows = self.env.execute_query(
                SQL(
                    """
                WITH orders AS (
                    SELECT so.id, so.contract_id, so.currency_id, so.company_id,
                           so.date_order::date AS date
                      FROM sale_order so
                     WHERE so.contract_id IN %(ids)s AND so.state = 'sale'
                ), invoices AS (
                    SELECT DISTINCT o.contract_id, o.company_id, am.id, am.move_type,
                           am.currency_id, COALESCE(am.invoice_date, am.date) AS date
                      FROM orders o
                      JOIN sale_order_line sol ON sol.order_id = o.id
                      JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                      JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                      JOIN account_move am ON am.id = aml.move_id
                     WHERE aml.parent_state = 'posted'
                )
                -- delivered, in the order's currency at the order date
                SELECT o.contract_id, 'delivered', o.currency_id, o.company_id, o.date,
                       SUM(sol.qty_delivered * sol.price_reduce_taxinc)
                  FROM orders o
                  JOIN sale_order_line sol ON sol.order_id = o.id
                 WHERE sol.display_type IS NULL
                 GROUP BY 1, 3, 4, 5
                UNION ALL
                -- invoiced, in the invoice's currency at the invoice date
                SELECT o.contract_id, 'invoiced', am.currency_id, o.company_id,
                       COALESCE(am.invoice_date, am.date),
                       SUM(CASE WHEN am.move_type = 'out_refund'
                                THEN -aml.price_total ELSE aml.price_total END)
                  FROM orders o
                  JOIN sale_order_line sol ON sol.order_id = o.id
                  JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                  JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                  JOIN account_move am ON am.id = aml.move_id
                 WHERE aml.parent_state = 'posted' AND sol.display_type IS NULL
                 GROUP BY 1, 3, 4, 5
                UNION ALL
                -- what settled those invoices' receivables, in the invoice's currency at the
                -- date of the settlement: collected by a payment (bank, cash or card
                -- journal), or written off (any other entry: a bad debt); a credit note
                -- matched with an invoice is neither, it is already netted in the invoiced
                SELECT inv.contract_id,
                       CASE WHEN journal.type IN %(payment_journals)s THEN 'collected'
                            ELSE 'written_off' END,
                       inv.currency_id, inv.company_id, apr.max_date,
                       SUM(CASE WHEN inv.move_type = 'out_refund'
                                THEN -apr.credit_amount_currency
                                ELSE apr.debit_amount_currency END)
                  FROM invoices inv
                  JOIN account_move_line term ON term.move_id = inv.id
                       AND term.display_type = 'payment_term'
                  JOIN account_partial_reconcile apr
                    ON (inv.move_type = 'out_invoice' AND apr.debit_move_id = term.id)
                    OR (inv.move_type = 'out_refund' AND apr.credit_move_id = term.id)
                  JOIN account_move_line counterpart
                    ON counterpart.id = CASE WHEN inv.move_type = 'out_refund'
                                             THEN apr.debit_move_id ELSE apr.credit_move_id END
                  JOIN account_journal journal ON journal.id = counterpart.journal_id
                 WHERE journal.type != 'sale'
                 GROUP BY 1, 2, 3, 4, 5
                    """,
                    ids=tuple(ids),
                    payment_journals=PAYMENT_JOURNAL_TYPES,
                )
            )
            for contract_id, kind, currency_id, company_id, date, amount in rows:
                figures.setdefault(contract_id, []).append(
                    (kind, currency_id, company_id, date, amount or 0.0)
                )
        Currency = self.env["res.currency"]
        Company = self.env["res.company"]
        for contract in self:
            currency = contract.currency_id or self.env.company.currency_id
            totals = {"delivered": 0.0, "invoiced": 0.0, "collected": 0.0, "written_off": 0.0}
            for kind, currency_id, company_id, date, amount in figures.get(contract.id, ()):
                totals[kind] += Currency.browse(currency_id)._convert(
                    amount, currency, Company.browse(company_id), date or fields.Date.today()
                )
            delivered, invoiced = totals["delivered"], totals["invoiced"]
            contract.delivered_amount = delivered
            contract.invoiced_amount = invoiced
            contract.collected_amount = totals["collected"]
            contract.written_off_amount = totals["written_off"]
            contract.outstanding_amount = currency.round(
                invoiced - totals["collected"] - totals["written_off"]
            )
            if currency.is_zero(delivered) and currency.is_zero(invoiced):
                contract.performance_status = "none"
            elif (
                contract.amount
                and currency.compare_amounts(delivered, contract.amount) >= 0
                and currency.compare_amounts(invoiced, contract.amount) >= 0
            ):
                contract.performance_status = "full"
            else:
                contract.performance_status = "partial"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("sales.contract", sequence_date=vals.get("date_signed"))
                    or "/"
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if destruction_allowed(self):
            return
        if any(contract.state not in ("draft", "cancelled") for contract in self):
            raise UserError(self.env._("Only draft or cancelled contracts can be deleted."))

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Running contract"),
                [("state", "in", ("to_approve", "approved", "active"))],
            ),
            (
                self.env._("Open balance: an invoice of the contract is not settled"),
                [("sale_order_ids.order_line.invoice_lines.move_id", "any", OPEN_INVOICE_DOMAIN)],
            ),
        ]

    # ------------------------------------------------------------------ workflow
    def _check_state(self, states):
        for contract in self:
            if contract.state not in states:
                raise UserError(
                    self.env._(
                        "Contract %(name)s is %(state)s; this action is not possible now.",
                        name=contract.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            contract.state
                        ],
                    )
                )

    def action_submit(self):
        self._check_state(("draft",))
        for contract in self:
            if not contract.amount:
                raise UserError(
                    self.env._(
                        "Enter the amount of contract %s before submitting it.", contract.name
                    )
                )
        with self._workflow_pass():
            self.state = "to_approve"
        self._tier_submit()
        return True

    def _tier_approved(self):
        self._tier_write({"state": "approved"})

    def _tier_rejected(self):
        self._tier_write({"state": "draft"})

    def _get_tier_validation_readonly_domain(self):
        # Read-only while reviewed (as the server has it), not for ever once approved: the
        # location of the original and the notes are kept up to date afterwards, and a
        # rejected contract is corrected in draft.
        return "state == 'to_approve'"

    def action_activate(self):
        self._check_state(("approved",))
        today = fields.Date.context_today(self)
        for contract in self:
            with contract._workflow_pass():
                contract.write(
                    {
                        "state": "active",
                        "date_signed": contract.date_signed or today,
                        "date_start": contract.date_start or contract.date_signed or today,
                    }
                )
        return True

    def action_done(self):
        self._check_state(("active",))
        with self._workflow_pass():
            self.write({"state": "done", "date_closed": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self._check_state(("draft", "to_approve", "approved"))
        with self._workflow_pass():
            self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self._check_state(("cancelled",))
        with self._workflow_pass():
            self.write({"state": "draft"})
        return True

    def _terminate(self, reason, date, ending="termination"):
        """End the contract, terminated or rescinded (``ending``): only an approved request
        calls this."""
        self._check_state(("approved", "active"))
        with self._workflow_pass():
            self.write(
                {
                    "state": "rescinded" if ending == "rescission" else "terminated",
                    "termination_reason": reason,
                    "termination_date": date or fields.Date.context_today(self),
                    "date_closed": date or fields.Date.context_today(self),
                }
            )

    def action_open_terminate_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rescind or Terminate Contract"),
            "res_model": "sales.contract.terminate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_open_change_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Contract Change"),
            "res_model": "sales.contract.change.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {
            "default_contract_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    @api.model
    def _cron_expiry_reminders(self):
        """Schedule one reminder per running contract entering its reminder window."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            limit = today + timedelta(days=company.contract_expiry_reminder_days or 0)
            contracts = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("expiry_reminded", "=", False),
                    ("date_end", "!=", False),
                    ("date_end", "<=", limit),
                ]
            )
            for contract in contracts:
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=max(contract.date_end, today),
                    summary=self.env._("Contract expires on %s", contract.date_end),
                    user_id=contract.user_id.id or self.env.uid,
                )
            with contracts._workflow_pass():
                contracts.expiry_reminded = True

    @api.model
    def _cron_overdue_performance(self):
        """Alert the salesperson, once, of each running contract whose end date passed
        without full performance."""
        today = fields.Date.context_today(self)
        contracts = self.search(
            [
                ("state", "=", "active"),
                ("overdue_reminded", "=", False),
                ("date_end", "!=", False),
                ("date_end", "<", today),
                ("performance_status", "!=", "full"),
            ]
        )
        for contract in contracts:
            contract.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=self.env._(
                    "Contract ended on %s without full performance", contract.date_end
                ),
                note=self.env._(
                    "Delivered %(delivered)s, invoiced %(invoiced)s, collected %(collected)s "
                    "of %(amount)s: complete the performance, or record a change or the "
                    "termination.",
                    delivered=contract.delivered_amount,
                    invoiced=contract.invoiced_amount,
                    collected=contract.collected_amount,
                    amount=contract.amount,
                ),
                user_id=contract.user_id.id or self.env.uid,
            )
        with contracts._workflow_pass():
            contracts.overdue_reminded = True
