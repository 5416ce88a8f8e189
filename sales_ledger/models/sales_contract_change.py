from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.record_retention.models.workflow_guard import workflow_changed


class SalesContractChange(models.Model):
    """Change (变更) or termination (解除) of an approved contract: it applies once the
    sales supervisor and the contract administrator approved it (tier definitions in
    data/tier_definition_data.xml). A request is submitted as it is created."""

    _name = "sales.contract.change"
    _description = "Contract Change"
    _inherit = ("mail.thread", "workflow.guard.mixin", "tier.validation")
    _order = "date desc, id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("requested_by_id", "user_id")
    _workflow_fields = (
        "state",
        "validation_status",
        "approver_id",
        "approval_date",
        "requested_by_id",
    )
    _workflow_frozen_fields = (
        "contract_id",
        "change_type",
        "date",
        "reason",
        "content",
        "amount_after",
    )
    _workflow_frozen_states = ("approved", "rejected")

    contract_id = fields.Many2one(
        "sales.contract", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    user_id = fields.Many2one(related="contract_id.user_id", string="Salesperson")
    change_type = fields.Selection(
        [("change", "Change"), ("termination", "Termination")],
        "Type",
        default="change",
        required=True,
        help="A termination ends the contract on the change date once approved.",
    )
    date = fields.Date("Change Date", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    content = fields.Text("Changed Content", required=True)
    amount_before = fields.Monetary(readonly=True)
    amount_after = fields.Monetary(help="New contract amount; leave empty when unchanged.")
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    approver_id = fields.Many2one(
        "res.users", readonly=True, copy=False, help="Who took the last decision."
    )
    approval_date = fields.Datetime("Decided On", readonly=True, copy=False)
    state = fields.Selection(
        [("to_approve", "To Approve"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="to_approve",
        required=True,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        # The amount before the change is the contract's: not the requester's to state.
        for vals in vals_list:
            contract = self.env["sales.contract"].browse(vals.get("contract_id"))
            if contract.state not in ("approved", "active"):
                raise UserError(
                    self.env._(
                        "Contract %s is not running: only approved or running contracts "
                        "are changed or terminated.",
                        contract.display_name,
                    )
                )
            vals["amount_before"] = contract.amount
        changes = super().create(vals_list)
        changes._tier_submit()
        return changes

    def _workflow_guarded_fields(self, vals, create=False):
        names = super()._workflow_guarded_fields(vals, create=create)
        if (
            not create
            and "amount_before" in vals
            and workflow_changed(self, "amount_before", vals["amount_before"])
        ):
            names.append("amount_before")
        return names

    def _tier_decision(self, state):
        """Record the decision of the reviewer who took it (nobody when no tier applied)."""
        self._tier_write(
            {
                "state": state,
                "approver_id": self.review_ids and self.env.uid,
                "approval_date": fields.Datetime.now(),
            }
        )

    def _tier_approved(self):
        self._tier_decision("approved")
        for change in self:
            contract = change.contract_id
            if change.change_type == "termination":
                contract._terminate(change.reason, change.date)
            elif change.amount_after and change.amount_after != contract.amount:
                with contract._workflow_pass():
                    contract.amount = change.amount_after
            contract.message_post(
                body=self.env._(
                    "%(type)s of %(date)s approved: %(content)s",
                    type=dict(self._fields["change_type"]._description_selection(self.env))[
                        change.change_type
                    ],
                    date=change.date,
                    content=change.content,
                )
            )

    def _tier_rejected(self):
        self._tier_decision("rejected")
