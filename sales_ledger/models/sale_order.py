from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.record_retention.models.retention_destruction import destruction_allowed
from odoo.addons.record_retention.models.workflow_guard import (
    workflow_allowed,
    workflow_check,
    workflow_pass,
    workflow_refuse,
)

APPROVAL_STATES = [
    ("not_required", "Not Required"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# The quotation's position against its salesperson's limits: what the tier definitions of
# sale.order look at (data/tier_definition_data.xml).
LIMIT_FIELDS = ("discount_over_limit", "below_pricelist", "below_cost", "amount_over_limit")
# Set by the quotation approval only, never by a client's write.
GUARDED_FIELDS = (*LIMIT_FIELDS, "supervisor_id", "approval_state", "validation_status")
QUOTATION_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    """Quotations beyond their salesperson's limits (报价审批) are approved by the sales
    supervisor, then a sales manager, through OCA's sale_tier_validation."""

    _name = "sale.order"
    _inherit = ["sale.order", "retention.target.mixin"]
    _tier_owner_fields = ("user_id",)
    # Seed 003: quotations kept N years after their validity ends, then deleted.
    _retention_actions = ("delete",)

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
    discount_over_limit = fields.Boolean(
        "Discount over Limit",
        compute="_compute_quotation_limits",
        store=True,
        help="A line's discount exceeds the limit of the salesperson's sales team (or of the "
        "company for a salesperson in no team).",
    )
    below_pricelist = fields.Boolean(
        compute="_compute_quotation_limits",
        store=True,
        help="A line's unit price is lower than the price of the pricelist.",
    )
    below_cost = fields.Boolean(
        compute="_compute_quotation_limits",
        store=True,
        help="A line's net unit price (after discount, without taxes) is lower than the "
        "product's cost: sold at a loss, even at the pricelist's price.",
    )
    amount_over_limit = fields.Boolean(
        "Amount over Limit",
        compute="_compute_quotation_limits",
        store=True,
        help="The total exceeds the quotation amount limit of the salesperson's sales team (or "
        "of the company).",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        "Sales Supervisor",
        compute="_compute_supervisor_id",
        help="Leader of the salesperson's sales team: the first approver of the quotation.",
    )
    approval_state = fields.Selection(
        APPROVAL_STATES,
        "Quotation Approval",
        compute="_compute_approval_state",
        help="Where the quotation stands in its tier validation.",
    )

    @api.depends("order_line.discount")
    def _compute_max_discount(self):
        for order in self:
            order.max_discount = max(order.order_line.mapped("discount") or [0.0])

    def _quotation_limit_holder(self):
        """The sales team of the order's salesperson in the order's company, else the
        company: whose limits apply. Not the order's team, which the salesperson picks."""
        self.ensure_one()
        user = self.user_id.sudo()
        company = self.company_id or self.env.company
        teams = (user.sale_team_id | user.crm_team_ids).filtered(
            lambda team: team.company_id in (company, team.company_id.browse())
        )
        return teams[:1] or company.sudo()

    @api.depends(
        "state",
        "user_id",
        "company_id",
        "amount_total",
        "currency_rate",
        "pricelist_id",
        "fiscal_position_id",
        "order_line.display_type",
        "order_line.product_id",
        "order_line.product_uom",
        "order_line.product_uom_qty",
        "order_line.price_unit",
        "order_line.discount",
        "order_line.product_id.standard_price",
        "user_id.sale_team_id.quotation_discount_limit",
        "user_id.sale_team_id.quotation_amount_limit",
        "company_id.quotation_discount_limit",
        "company_id.quotation_amount_limit",
    )
    def _compute_quotation_limits(self):
        for order in self:
            if order.state not in QUOTATION_STATES:
                # An order keeps what its quotation was when it was confirmed.
                for name in LIMIT_FIELDS:
                    order[name] = order._origin[name]
                continue
            holder = order._quotation_limit_holder()
            lines = order.order_line.filtered(lambda line: not line.display_type)
            order.discount_over_limit = any(
                line.discount > holder.quotation_discount_limit for line in lines
            )
            order.below_pricelist = any(line._is_below_pricelist() for line in lines)
            order.below_cost = any(line._is_below_cost() for line in lines)
            limit = holder.quotation_amount_limit
            company_currency = (order.company_id or self.env.company).currency_id
            order.amount_over_limit = bool(limit) and (
                company_currency.compare_amounts(
                    order.amount_total / (order.currency_rate or 1.0), limit
                )
                > 0
            )

    @api.depends("user_id", "company_id")
    def _compute_supervisor_id(self):
        for order in self:
            holder = order._quotation_limit_holder()
            leader = holder.user_id if holder._name == "crm.team" else False
            order.supervisor_id = leader if leader != order.user_id else False

    @api.depends("state", "review_ids", "user_id", *LIMIT_FIELDS)
    def _compute_need_validation(self):
        # OCA computes it without dependencies: within a transaction, a quotation whose
        # limits changed kept the value it had before.
        return super()._compute_need_validation()

    @api.depends("state", "validation_status", *LIMIT_FIELDS)
    def _compute_approval_state(self):
        decided = {"validated": "approved", "rejected": "rejected"}
        for order in self:
            if order.validation_status in decided:
                order.approval_state = decided[order.validation_status]
            elif order.validation_status in ("waiting", "pending") or (
                order.state in QUOTATION_STATES and order.need_validation
            ):
                order.approval_state = "to_approve"
            else:
                order.approval_state = "not_required"

    @api.model_create_multi
    def create(self, vals_list):
        if not workflow_allowed(self):
            forged = {name for vals in vals_list for name in GUARDED_FIELDS if name in vals}
            if forged:
                workflow_refuse(self.browse(), sorted(forged))
        return super().create(vals_list)

    def write(self, vals):
        # The quotation approval is the tier validation's: nobody writes it, managers included.
        workflow_check(self, vals, GUARDED_FIELDS)
        if vals.get("state") == "sale":
            # Confirmed by action_confirm and its checks, not by writing the state.
            workflow_check(self, vals, ["state"])
        return super().write(vals)

    def action_confirm(self):
        with workflow_pass(self):
            return super().action_confirm()

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
            if contract.state in ("cancelled", "terminated", "rescinded", "draft", "to_approve"):
                raise ValidationError(
                    self.env._(
                        "Orders can only be linked to approved or running contracts; %s is not.",
                        contract.name,
                    )
                )

    # ------------------------------------------------------------ quotation approval
    def _check_allow_write_under_validation(self, vals):
        # Sending an approved quotation marks it as sent.
        if set(vals) == {"state"} and vals["state"] in QUOTATION_STATES:
            return True
        return super()._check_allow_write_under_validation(vals)

    def _get_tier_validation_readonly_domain(self):
        # Read-only while reviewed or approved as a quotation (as the server has it), not
        # for ever: a confirmed order is still linked to its contract, delivered, noted.
        return "validation_status not in ('no', False) and state in ('draft', 'sent')"

    def _quotation_approval_error(self):
        """Why the quotation cannot be sent or confirmed yet, if it cannot."""
        self.ensure_one()
        if self.approval_state == "to_approve":
            return self.env._(
                "Quotation %s goes beyond its salesperson's limits (discount, pricelist, cost "
                "or amount): request its validation and wait for the approvers.",
                self.name,
            )
        if self.approval_state == "rejected":
            return self.env._(
                "Quotation %s was rejected; change it and restart its validation.", self.name
            )
        return False

    def _check_quotation_approved(self):
        for order in self:
            error = order._quotation_approval_error()
            if error:
                raise UserError(error)

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
        if customer.archive_state == "draft":
            return self.env._(
                "Customer %(customer)s is %(state)s in the customer file; the order cannot be "
                "confirmed until the customer is approved.",
                customer=customer.display_name,
                state=dict(customer._fields["archive_state"]._description_selection(self.env))[
                    customer.archive_state
                ],
            )
        # Blocked and closed customers: only with a trade release in force.
        return (
            customer._trade_stop_message(self.env._("the order"))
            or self._quotation_approval_error()
        )

    @api.model
    def _retention_protections(self):
        return super()._retention_protections() + [
            (
                self.env._("Confirmed order: kept with the sales ledger and its invoices"),
                [("state", "=", "sale")],
            )
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft_or_cancel(self):
        # A sent quotation past its retention period goes with an approved destruction.
        if destruction_allowed(self):
            return
        return super()._unlink_except_draft_or_cancel()
