from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.record_retention.models.workflow_guard import workflow_changed

from .sales_contract import ENDING_TYPES


class SalesContractChange(models.Model):
    """Change (变更), rescission (解除) or termination (终止) of an approved contract: it
    applies once the sales supervisor and the contract administrator approved it (tier
    definitions in data/tier_definition_data.xml). A request is submitted as it is created.
    An approved end request of type ``termination`` puts the contract in the state of its
    ``ending``: rescinded or terminated."""

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
        "ending",
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
        [("change", "Change"), ("termination", "Rescission or Termination")],
        "Type",
        default="change",
        required=True,
        help="A rescission or termination ends the contract on the change date once approved.",
    )
    ending = fields.Selection(
        ENDING_TYPES,
        "Ends By",
        help="Rescission (解除): a party ends the contract early, by agreement or by its "
        "right of rescission. Termination (终止): the contract ends as the law or its own "
        "terms provide. The approved request rescinds or terminates the contract.",
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
            if vals.get("change_type") == "termination":
                vals.setdefault("ending", "termination")
            else:
                vals["ending"] = False
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
                contract._terminate(change.reason, change.date, change.ending)
            elif change.amount_after and change.amount_after != contract.amount:
                with contract._workflow_pass():
                    contract.amount = change.amount_after
            contract.message_post(
                body=self.env._(
                    "%(type)s of %(date)s approved: %(content)s",
                    type=change._type_label(),
                    date=change.date,
                    content=change.content,
                )
            )

    def _type_label(self):
        """Change, Rescission or Termination: what the request does to the contract."""
        self.ensure_one()
        if self.change_type == "termination":
            return dict(self._fields["ending"]._description_selection(self.env))[
                self.ending or "termination"
            ]
        return dict(self._fields["change_type"]._description_selection(self.env))[self.change_type]

    def _tier_rejected(self):
        self._tier_decision("rejected")
