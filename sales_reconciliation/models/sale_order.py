from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.record_retention.models.workflow_guard import (
    is_data_loading,
    workflow_check,
    workflow_pass,
)

from .sales_receivable_engine import AGING_KEYS


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_policy_warning = fields.Text(compute="_compute_credit_policy_warning")
    credit_override_id = fields.Many2one("sales.credit.override", readonly=True, copy=False)

    @api.depends("partner_id", "amount_total", "state")
    def _compute_credit_policy_warning(self):
        for order in self:
            order.credit_policy_warning = False
            if order.state in ("draft", "sent") and order.partner_id:
                blocks, warnings = order._credit_policy_issues()
                order.credit_policy_warning = "\n".join(blocks + warnings) or False

    def _credit_exposure(self, customers=None):
        """Open receivables and the largest overdue days of the order's customer (or of
        the commercial ``customers``, e.g. a head office and its branches) in the order's
        company, from the receivables engine (one grouped query), and the orders not
        invoiced yet."""
        self.ensure_one()
        customers = customers or self.partner_id.commercial_partner_id
        today = fields.Date.context_today(self)
        aging = self.env["sales.receivable.engine"]._aging(
            self.company_id, today, customers.ids, key="commercial_partner_id"
        )
        open_receivable = sum(figures[key] for figures in aging.values() for key in AGING_KEYS)
        overdue_days = max((figures["max_days_overdue"] for figures in aging.values()), default=0)
        # Every order of the customer counts, whoever may read it: a salesperson confirms
        # only what a sales manager could confirm (sudo, one search for the whole group).
        others = self.sudo().search(
            [
                ("id", "!=", self._origin.id or 0),
                ("company_id", "=", self.company_id.id),
                ("partner_id.commercial_partner_id", "in", customers.ids),
                ("state", "=", "sale"),
                ("order_line.untaxed_amount_to_invoice", ">", 0),
            ]
        )
        to_invoice = sum(
            order.currency_id._convert(
                order.amount_to_invoice, self.company_id.currency_id, self.company_id, today
            )
            for order in others
        )
        # What this order adds: all of a quotation, but only what a confirmed order has not
        # invoiced yet (checked again at delivery): its invoices are in the open receivables.
        this_order = self.currency_id._convert(
            self.amount_to_invoice if self.state == "sale" else self.amount_total,
            self.company_id.currency_id,
            self.company_id,
            today,
        )
        return open_receivable, to_invoice, this_order, overdue_days

    def _is_prepaid(self, open_receivable=None, to_invoice=0.0, this_order=0.0):
        """Paid online in full, or covered by the customer's advance payments."""
        self.ensure_one()
        rounding = self.currency_id.rounding
        if float_compare(self.amount_paid, self.amount_total, precision_rounding=rounding) >= 0:
            return self.amount_total > 0
        if open_receivable is None:
            return False
        return float_compare(open_receivable + to_invoice + this_order, 0.0, 2) <= 0

    def _group_credit_issues(self, head, group, this_order):
        """Blocking reason when the group of ``head`` goes past the head office's limit."""
        currency = self.company_id.currency_id
        group_receivable, group_to_invoice, _order, _days = self._credit_exposure(group)
        total = group_receivable + group_to_invoice + this_order
        if float_compare(total, head.credit_limit, precision_rounding=currency.rounding) <= 0:
            return []
        return [
            self.env._(
                "Group credit limit of head office %(head)s exceeded: open receivables and "
                "orders not invoiced of the head office and its branches %(open)s + this order "
                "%(order)s = %(total)s > limit %(limit)s.",
                head=head.name,
                open=currency.format(group_receivable + group_to_invoice),
                order=currency.format(this_order),
                total=currency.format(total),
                limit=currency.format(head.credit_limit),
            )
        ]

    def _credit_policy_issues(self):
        """(blocking reasons, warnings) of the credit policy for this order."""
        self.ensure_one()
        # credit limit and grade are read with sudo: salespeople see the verdict, not the file
        partner = self.partner_id.commercial_partner_id.sudo().with_company(self.company_id)
        open_receivable, to_invoice, this_order, overdue_days = self._credit_exposure()
        if self._is_prepaid(open_receivable, to_invoice, this_order):
            return [], []
        blocks, warnings = [], []
        currency = self.company_id.currency_id
        if partner.credit_grade == "C":
            blocks.append(self.env._("Customer %(name)s has credit grade C.", name=partner.name))
        limit = partner.credit_limit
        exposure = open_receivable + to_invoice + this_order
        group = partner._customer_group()
        head = group[:1]
        if len(group) > 1 and head.credit_limit:
            # The head office's limit covers the whole group (集团授信).
            blocks += self._group_credit_issues(head, group, this_order)
            if partner == head:
                limit = 0.0
        if limit and float_compare(exposure, limit, precision_rounding=currency.rounding) > 0:
            blocks.append(
                self.env._(
                    "Credit limit exceeded: open receivables %(open)s + confirmed orders not "
                    "invoiced %(orders)s + this order %(order)s = %(total)s > limit %(limit)s.",
                    open=currency.format(open_receivable),
                    orders=currency.format(to_invoice),
                    order=currency.format(this_order),
                    total=currency.format(exposure),
                    limit=currency.format(limit),
                )
            )
        grace = self.company_id.credit_grace_days
        if overdue_days > grace:
            blocks.append(
                self.env._(
                    "An invoice is overdue by %(days)s days (grace period %(grace)s days).",
                    days=overdue_days,
                    grace=grace,
                )
            )
        if partner.credit_grade == "B":
            warnings.append(
                self.env._(
                    "Customer %(name)s has credit grade B: follow the receivables closely.",
                    name=partner.name,
                )
            )
        return blocks, warnings

    def _valid_credit_override(self):
        """The approved, unrevoked override in force for the order's customer, if any."""
        self.ensure_one()
        return (
            self.env["sales.credit.override"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.partner_id.commercial_partner_id.id),
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "approved"),
                    # explicit: a caller's context (active_test=False) must not revive it
                    ("active", "=", True),
                    ("date_until", ">=", fields.Date.context_today(self)),
                ],
                order="date_until desc",
                limit=1,
            )
        )

    def _check_credit_policy(self):
        for order in self:
            blocks, warnings = order._credit_policy_issues()
            if blocks:
                override = order._valid_credit_override()
                if not override:
                    raise UserError(
                        self.env._(
                            "Order %(order)s is blocked by the credit policy:\n%(reasons)s\n"
                            "Request a credit override for the customer: it lets the order "
                            "through once approved.",
                            order=order.name,
                            reasons="\n".join(blocks),
                        )
                    )
                override.write({"order_ids": [fields.Command.link(order.id)]})
                with workflow_pass(order):
                    order.credit_override_id = override
                message = self.env._(
                    "Confirmed under the credit override of %(approver)s (until %(date)s, "
                    "reason: %(reason)s) despite: %(reasons)s",
                    approver=override.approver_id.name,
                    date=override.date_until,
                    reason=override.reason,
                    reasons=" ".join(blocks),
                )
                order.message_post(body=message)
                override.message_post(
                    body=self.env._("Used for order %(order)s.", order=order.name)
                )
            for warning in warnings:
                order.message_post(body=warning)

    def write(self, vals):
        workflow_check(self, vals, ["credit_override_id"])
        return super().write(vals)

    def action_confirm(self):
        # Data files (demo orders of other modules) are loaded by the superuser while the
        # registry is not ready: the policy applies to every other confirmation. No context
        # key switches it off: a context is the caller's to choose over RPC.
        if not is_data_loading(self.env):
            self._check_credit_policy()
        return super().action_confirm()
