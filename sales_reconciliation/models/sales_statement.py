import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.record_retention.models.retention_destruction import destruction_allowed
from odoo.addons.record_retention.models.workflow_guard import is_data_loading, workflow_changed

from ..tools import amount_to_chinese
from .sales_receivable_engine import AGING_KEYS, TOTAL_KEYS

PERIOD_TYPES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("yearly", "Yearly"),
    ("custom", "Custom"),
]
STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("confirmed", "Confirmed"),
    ("disputed", "Disputed"),
    ("resolved", "Resolved"),
    ("done", "Handed to Finance"),
]
FIGURE_FIELDS = (*TOTAL_KEYS, "amount_uninvoiced", *AGING_KEYS)


class SalesStatement(models.Model):
    _name = "sales.statement"
    _description = "Customer Statement"
    _inherit = [  # noqa: RUF012
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "workflow.guard.mixin",
        "retention.target.mixin",
        "sales.aging.buckets.mixin",
    ]
    _order = "date_to desc, partner_id, id desc"
    # Kept as long as the sales ledger they reconcile (seed 000), then deleted.
    _retention_actions = ("delete",)
    _check_company_auto = True
    # The figures and lines are the books'; sending, the customer's answer and the
    # hand-over are the workflow's.
    _workflow_fields = (
        *FIGURE_FIELDS,
        "line_ids",
        "revision_ids",
        "state",
        "revision",
        "content_hash",
        "sent_on",
        "reminder_count",
        "confirmed_by",
        "confirmed_on",
        "signature",
        "handover_user_id",
        "handover_on",
        "had_discrepancy",
    )
    # Whose statement, over which period: fixed when it is made.
    _workflow_frozen_fields = (
        "partner_id",
        "company_id",
        "currency_id",
        "period_type",
        "date_from",
        "date_to",
    )
    _workflow_frozen_states = tuple(state for state, _label in STATES)

    name = fields.Char(
        "Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        readonly=True,
        default=lambda s: s.env.company.currency_id,
        help="The company currency: every figure is in it; foreign-currency documents "
        "also show their own amount on the lines.",
    )
    user_id = fields.Many2one(
        "res.users", "Salesperson", index=True, tracking=True, domain="[('share', '=', False)]"
    )
    team_id = fields.Many2one("crm.team", "Sales Team", index=True, check_company=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="monthly", readonly=True)
    date_from = fields.Date("From", required=True, readonly=True)
    date_to = fields.Date("To", required=True, readonly=True, index=True)
    period_label = fields.Char("Period", compute="_compute_period_label")
    opening_balance = fields.Monetary(readonly=True, help="Receivable balance before the period.")
    amount_sales = fields.Monetary(
        "Sales", readonly=True, help="Customer invoices posted in the period."
    )
    amount_returns = fields.Monetary(
        "Returns", readonly=True, help="Credit notes posted in the period."
    )
    amount_receipts = fields.Monetary(
        "Receipts", readonly=True, help="Payments and other credits posted in the period."
    )
    closing_balance = fields.Monetary(
        readonly=True,
        tracking=True,
        help="Opening + sales - returns - receipts: the receivable balance at the end date.",
    )
    closing_balance_chinese = fields.Char(
        "Closing Balance in Words", compute="_compute_closing_balance_chinese"
    )
    amount_uninvoiced = fields.Monetary(
        "Delivered, Not Invoiced",
        readonly=True,
        help="For information: goods delivered on confirmed orders and not invoiced yet.",
    )
    line_ids = fields.One2many("sales.statement.line", "statement_id", "Lines", readonly=True)
    has_foreign_currency = fields.Boolean(
        compute="_compute_has_foreign_currency",
        help="A line is in a foreign currency: its own amount is shown.",
    )
    discrepancy_ids = fields.One2many(
        "sales.statement.discrepancy", "statement_id", "Discrepancies"
    )
    discrepancy_count = fields.Integer(compute="_compute_discrepancy_count")
    open_discrepancy_count = fields.Integer(compute="_compute_discrepancy_count")
    revision_ids = fields.One2many(
        "sales.statement.revision", "statement_id", "Sent Versions", readonly=True
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    revision = fields.Integer(
        default=0, readonly=True, copy=False, tracking=True, help="Incremented on each reissue."
    )
    content_hash = fields.Char(readonly=True, copy=False)
    sent_on = fields.Datetime(readonly=True, copy=False)
    reminder_count = fields.Integer(readonly=True, copy=False)
    confirmed_by = fields.Char(readonly=True, copy=False, tracking=True)
    confirmed_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    signature = fields.Image(readonly=True, copy=False, attachment=True, max_width=1024)
    handover_user_id = fields.Many2one("res.users", "Handed Over By", readonly=True, copy=False)
    handover_on = fields.Datetime("Handed Over On", readonly=True, copy=False)
    had_discrepancy = fields.Boolean(
        readonly=True, copy=False, help="The customer disputed this statement at least once."
    )

    _sql_constraints = [  # noqa: RUF012
        (
            "period_partner_uniq",
            "UNIQUE(company_id, partner_id, date_from, date_to)",
            "There is already a statement for this customer, company and period.",
        ),
        ("dates_check", "CHECK(date_from <= date_to)", "The period must end after it starts."),
    ]

    def _workflow_guarded_fields(self, vals, create=False):
        names = super()._workflow_guarded_fields(vals, create=create)
        # A statement the customer confirmed stays as it was confirmed.
        answered = self.filtered(lambda s: s.state in ("confirmed", "done"))
        if not create and answered:
            names += [
                name
                for name in ("user_id", "team_id", "discrepancy_ids")
                if name in vals and workflow_changed(answered, name, vals[name])
            ]
        return names

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_from", "date_to", "period_type")
    def _compute_period_label(self):
        for statement in self:
            statement.period_label = statement._period_label()

    def _period_label(self):
        self.ensure_one()
        if not (self.date_from and self.date_to):
            return ""
        date_from, date_to = self.date_from, self.date_to
        if self.period_type == "monthly":
            return f"{date_from.year:04d}-{date_from.month:02d}"
        if self.period_type == "quarterly":
            return f"{date_from.year:04d} Q{(date_from.month - 1) // 3 + 1}"
        if self.period_type == "yearly":
            return f"{date_from.year:04d}"
        return f"{date_from.isoformat()} ~ {date_to.isoformat()}"

    @api.depends("closing_balance", "currency_id")
    def _compute_closing_balance_chinese(self):
        for statement in self:
            statement.closing_balance_chinese = amount_to_chinese(statement.closing_balance)

    @api.depends("line_ids.foreign_currency_id")
    def _compute_has_foreign_currency(self):
        for statement in self:
            statement.has_foreign_currency = bool(statement.line_ids.foreign_currency_id)

    @api.depends("discrepancy_ids.state")
    def _compute_discrepancy_count(self):
        for statement in self:
            statement.discrepancy_count = len(statement.discrepancy_ids)
            statement.open_discrepancy_count = len(
                statement.discrepancy_ids.filtered(lambda d: d.state == "open")
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for statement in self:
            statement.access_url = f"/my/statements/{statement.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"{self.name}-{self.partner_id.name}-R{self.revision}"

    def _get_portal_return_action(self):
        return self.env.ref("sales_reconciliation.sales_statement_action")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if destruction_allowed(self):
            return
        if any(statement.state != "draft" for statement in self):
            raise UserError(self.env._("Only draft statements can be deleted."))

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Open balance of the customer"),
                [("partner_id", "in", self._retention_open_balance_partners())],
            )
        ]

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _render_pdf(self):
        self.ensure_one()
        return (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("sales_reconciliation.sales_statement_report_action", [self.id])[0]
        )

    def _archive_pdf(self, kind="sent"):
        """Attach the PDF of the current revision and keep its SHA-256."""
        self.ensure_one()
        if self.env.context.get("sales_statement_no_pdf") and is_data_loading(self.env):
            # demo data loaded without a running server: wkhtmltopdf cannot fetch assets
            return self.env["ir.attachment"]
        pdf = self._render_pdf()
        suffix = "-signed" if kind == "signed" else ""
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self._get_report_base_filename()}{suffix}.pdf",
                    "raw": pdf,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        self.env["sales.statement.revision"].sudo().create(
            {
                "statement_id": self.id,
                "revision": self.revision,
                "kind": kind,
                "attachment_id": attachment.id,
                "checksum": hashlib.sha256(pdf).hexdigest(),
                "closing_balance": self.closing_balance,
            }
        )
        return attachment

    def _reissue(self):
        """Recompute the figures from the books and raise the revision."""
        for statement in self:
            figures = self._compute_figures(
                statement.company_id,
                statement.date_from,
                statement.date_to,
                {statement.partner_id.id},
            ).get(statement.partner_id.id)
            values = {"revision": statement.revision + 1}
            if figures:
                values.update({key: figures[key] for key in FIGURE_FIELDS})
                values["content_hash"] = self._content_hash(figures)
                statement.sudo().line_ids.unlink()
                statement.sudo()._insert_lines([(statement, figures["lines"])])
            statement.sudo().write(values)
            statement.message_post(
                body=self.env._("Reissued as revision %(revision)s.", revision=statement.revision)
            )

    def _check_portal_state(self, states):
        for statement in self:
            if statement.state not in states:
                raise UserError(
                    self.env._(
                        "Statement %(name)s is not waiting for your answer.", name=statement.name
                    )
                )

    def _action_customer_confirm(self, name, signature, author=None, reply=None):
        """Confirmation by the customer: signer, date, signature and the signed PDF
        posted to the chatter. In the portal (``reply`` is None) or registered from
        the back office (``reply``: channel, date and stamped scan, see
        ``_reply_values``)."""
        self.ensure_one()
        self._check_portal_state(("sent",))
        reply_values = self._reply_values(name, signature, reply)
        with self._workflow_pass():
            self.write(
                {
                    "state": "confirmed",
                    "confirmed_by": name,
                    "confirmed_on": fields.Datetime.now(),
                    "signature": signature or False,
                    **reply_values,
                }
            )
        attachment = self._archive_pdf("signed")
        self.message_post(
            body=self._reply_message(name),
            attachment_ids=(attachment | self.reply_scan_id).ids,
            author_id=(author or self.partner_id).id,
            # shown in the portal, but not a comment the customer could edit or strip of
            # the signed PDF
            message_type="auto_comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_reminder"],
            feedback=self.env._("Confirmed by the customer."),
        )
        return True

    def _action_customer_dispute(self, disputed_lines, author=None, reply=None):
        """Dispute by the customer (portal, or registered from the back office with
        ``reply``): ``disputed_lines`` is a list of dicts with ``statement_line_id``
        (or ``document``), ``their_amount`` and ``reason``."""
        self.ensure_one()
        self._check_portal_state(("sent",))
        if not disputed_lines:
            raise UserError(self.env._("Tell us which amounts differ."))
        reply_values = self._reply_values(None, None, reply, confirm=False)
        values = []
        for line in disputed_lines:
            statement_line = self.line_ids.browse(line.get("statement_line_id") or [])
            if statement_line and statement_line.statement_id != self:
                raise UserError(self.env._("This line does not belong to the statement."))
            our_amount = line.get("our_amount")
            if our_amount is None:
                our_amount = statement_line.net_amount if statement_line else 0.0
            values.append(
                {
                    "statement_id": self.id,
                    "revision": self.revision,
                    "statement_line_id": statement_line.id,
                    "document": line.get("document") or statement_line.document,
                    "our_amount": our_amount,
                    "their_amount": line.get("their_amount") or 0.0,
                    "customer_reason": line.get("reason"),
                }
            )
        discrepancies = self.env["sales.statement.discrepancy"].create(values)
        with self._workflow_pass():
            self.write({"state": "disputed", "had_discrepancy": True, **reply_values})
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_statement_reminder"],
            feedback=self.env._("Disputed by the customer."),
        )
        body = self.env._(
            "The customer disputes %(count)s amount(s): %(documents)s",
            count=len(discrepancies),
            documents=", ".join(d.document or "-" for d in discrepancies),
        )
        self.message_post(
            body=body,
            attachment_ids=self.reply_scan_id.ids,
            author_id=(author or self.partner_id).id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )
        self.activity_schedule(
            "sales_reconciliation.mail_activity_type_statement_dispute",
            user_id=self.user_id.id or self.create_uid.id,
            summary=self.env._("Resolve the customer's discrepancies"),
            note=body,
        )
        return discrepancies

    def action_resolve(self):
        """All discrepancies resolved: the statement can be corrected and re-sent."""
        for statement in self:
            if statement.state != "disputed":
                raise UserError(self.env._("Only disputed statements can be resolved."))
            open_lines = statement.discrepancy_ids.filtered(lambda d: d.state == "open")
            if open_lines:
                raise UserError(
                    self.env._(
                        "Resolve every discrepancy first (reason category, responsible side "
                        "and resolution): %(documents)s",
                        documents=", ".join(d.document or "-" for d in open_lines),
                    )
                )
            with statement._workflow_pass():
                statement.state = "resolved"
            statement.activity_feedback(
                ["sales_reconciliation.mail_activity_type_statement_dispute"],
                feedback=self.env._("Discrepancies resolved."),
            )
        return True

    def action_handover(self):
        """Hand the confirmed statement with its signed PDF over to finance."""
        if not self.env.user.has_group("account.group_account_invoice") and not self.env.su:
            raise AccessError(self.env._("Only finance hands statements over."))
        for statement in self:
            if statement.state != "confirmed":
                raise UserError(self.env._("Only confirmed statements are handed to finance."))
        with self._workflow_pass():
            self.write(
                {
                    "state": "done",
                    "handover_user_id": self.env.uid,
                    "handover_on": fields.Datetime.now(),
                }
            )
        for statement in self:
            signed = statement.revision_ids.filtered(lambda r: r.kind == "signed")[:1]
            statement.message_post(
                body=self.env._("Handed over to finance."),
                attachment_ids=signed.attachment_id.ids,
            )
        return True

    def action_reset_draft(self):
        for statement in self:
            if statement.state not in ("sent", "resolved"):
                raise UserError(self.env._("Only sent or resolved statements go back to draft."))
        with self._workflow_pass():
            self.write({"state": "draft"})
        return True

    def action_refresh(self):
        """Recompute draft statements from the books."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(self.env._("Only draft statements are recomputed."))
            statement.with_company(statement.company_id).generate_statements(
                statement.date_from, statement.date_to, statement.partner_id
            )
        return True

    def action_preview_sales_statement(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}
