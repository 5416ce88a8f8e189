from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.customer_archive.models.workflow_guard import (
    workflow_check,
    workflow_pass,
)

APPROVAL_STATES = [
    ("not_required", "Not Required"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    contract_id = fields.Many2one(
        "sales.contract",
        check_company=True,
        index="btree_not_null",
        tracking=True,
        domain="[('partner_id', '=', commercial_partner_id), "
        "('state', 'in', ('approved', 'active'))]",
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    max_discount = fields.Float(
        "Highest Discount (%)", compute="_compute_max_discount", digits="Discount"
    )
    approval_state = fields.Selection(
        APPROVAL_STATES,
        "Quotation Approval",
        compute="_compute_approval_state",
        store=True,
        readonly=True,
        copy=False,
        tracking=True,
        precompute=True,
    )
    approval_ids = fields.One2many("sales.approval", "order_id", "Approvals", readonly=True)

    @api.depends("order_line.discount")
    def _compute_max_discount(self):
        for order in self:
            order.max_discount = max(order.order_line.mapped("discount") or [0.0])

    def _quotation_limit_holder(self):
        """The sales team of the order's salesperson in the order's company, else the
        company: whose approval rule and discount limit apply. Not the order's team, which
        the salesperson picks."""
        self.ensure_one()
        user = self.user_id.sudo()
        company = self.company_id or self.env.company
        teams = (user.sale_team_id | user.crm_team_ids).filtered(
            lambda team: team.company_id in (company, team.company_id.browse())
        )
        return teams[:1] or company.sudo()

    def _needs_quotation_approval(self):
        self.ensure_one()
        holder = self._quotation_limit_holder()
        if not holder.quotation_approval:
            return False
        discounts = [line.discount for line in self.order_line if not line.display_type]
        return bool(discounts) and max(discounts) > holder.quotation_discount_limit

    @api.depends(
        "order_line.discount",
        "user_id.sale_team_id.quotation_approval",
        "user_id.sale_team_id.quotation_discount_limit",
        "company_id.quotation_approval",
        "company_id.quotation_discount_limit",
    )
    def _compute_approval_state(self):
        for order in self:
            if order.state not in ("draft", "sent") and order._origin.approval_state:
                # confirmed orders keep the decision taken on the quotation
                order.approval_state = order._origin.approval_state
                continue
            order.approval_state = (
                "to_approve" if order._needs_quotation_approval() else "not_required"
            )

    def write(self, vals):
        # The quotation approval changes through approve / reject only, managers included.
        workflow_check(self, vals, ["approval_state"])
        return super().write(vals)

    @api.constrains("contract_id", "partner_id", "company_id")
    def _check_contract_partner(self):
        for order in self.filtered("contract_id"):
            contract = order.contract_id
            if contract.partner_id.commercial_partner_id != order.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Order %(order)s and contract %(contract)s belong to different customers.",
                        order=order.name,
                        contract=contract.name,
                    )
                )
            if contract.company_id != order.company_id:
                raise ValidationError(
                    self.env._(
                        "Order %(order)s and contract %(contract)s belong to different companies.",
                        order=order.name,
                        contract=contract.name,
                    )
                )
            if contract.state in ("cancelled", "terminated", "draft", "to_approve"):
                raise ValidationError(
                    self.env._(
                        "Orders can only be linked to approved or running contracts; %s is not.",
                        contract.name,
                    )
                )

    # ------------------------------------------------------------ quotation approval
    def _check_quotation_approved(self):
        for order in self:
            if order.approval_state == "to_approve":
                raise UserError(
                    self.env._(
                        "Quotation %(order)s grants a discount of %(discount)s%% above the limit "
                        "of team %(team)s; a sales manager must approve it first.",
                        order=order.name,
                        discount=order.max_discount,
                        team=order._quotation_limit_holder().display_name,
                    )
                )
            if order.approval_state == "rejected":
                raise UserError(
                    self.env._(
                        "Quotation %s was rejected and cannot be sent or confirmed.", order.name
                    )
                )

    def _record_quotation_decision(self, decision, opinion):
        if not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise AccessError(self.env._("Only a sales manager can approve quotations."))
        if any(order.approval_state not in ("to_approve", "rejected") for order in self):
            raise UserError(self.env._("These quotations do not wait for an approval."))
        self.env["sales.approval"]._create_records(
            [
                {
                    "order_id": order.id,
                    "step": "quotation",
                    "decision": decision,
                    "opinion": opinion,
                    "company_id": order.company_id.id,
                }
                for order in self
            ]
        )
        with workflow_pass(self):
            self.approval_state = decision
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=opinion or None)

    def action_approve_quotation(self, opinion=False):
        self._record_quotation_decision("approved", opinion)
        return True

    def action_reject_quotation(self, opinion=False):
        self._record_quotation_decision("rejected", opinion)
        return True

    def action_request_quotation_approval(self):
        for order in self.filtered(lambda o: o.approval_state == "to_approve"):
            approver = order.team_id.user_id or order.user_id or self.env.user
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Approve quotation discount"),
                user_id=approver.id,
            )
        return True

    def action_open_approval_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quotation Approval"),
            "res_model": "sales.approval.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_quotation_send(self):
        self._check_quotation_approved()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._check_quotation_approved()
        return super().action_quotation_sent()

    def _confirmation_error_message(self):
        error = super()._confirmation_error_message()
        if error:
            return error
        customer = self.partner_id.commercial_partner_id
        if customer.archive_state in ("draft", "blocked"):
            return self.env._(
                "Customer %(customer)s is %(state)s in the customer file; the order cannot be "
                "confirmed until the customer is approved.",
                customer=customer.display_name,
                state=dict(customer._fields["archive_state"]._description_selection(self.env))[
                    customer.archive_state
                ],
            )
        if self.approval_state == "to_approve":
            return self.env._(
                "Quotation %s needs a sales manager's approval before confirmation.", self.name
            )
        if self.approval_state == "rejected":
            return self.env._("Quotation %s was rejected and cannot be confirmed.", self.name)
        return False
