from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.customer_archive.models.workflow_guard import workflow_changed


class SalesContractChange(models.Model):
    _name = "sales.contract.change"
    _description = "Contract Change"
    _inherit = ("mail.thread", "workflow.guard.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "approver_id", "approval_date", "requested_by_id")
    _workflow_frozen_fields = ("contract_id", "date", "reason", "content", "amount_after")
    _workflow_frozen_states = ("approved", "rejected")

    contract_id = fields.Many2one(
        "sales.contract", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    date = fields.Date("Change Date", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    content = fields.Text("Changed Content", required=True)
    amount_before = fields.Monetary(readonly=True)
    amount_after = fields.Monetary(help="New contract amount; leave empty when unchanged.")
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    approver_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_date = fields.Datetime("Approved On", readonly=True, copy=False)
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
            vals["amount_before"] = contract.amount
        return super().create(vals_list)

    def _workflow_guarded_fields(self, vals, create=False):
        names = super()._workflow_guarded_fields(vals, create=create)
        if (
            not create
            and "amount_before" in vals
            and workflow_changed(self, "amount_before", vals["amount_before"])
        ):
            names.append("amount_before")
        return names

    def _check_change_approver(self):
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("sales_team.group_sale_manager")
            or user.has_group("sales_ledger.group_contract_manager")
        ):
            raise AccessError(
                self.env._("Only a sales manager or a contract administrator approves changes.")
            )
        if any(change.state != "to_approve" for change in self):
            raise UserError(self.env._("Only changes waiting for approval can be decided."))

    def action_approve(self, opinion=False):
        self._check_change_approver()
        for change in self:
            values = {
                "state": "approved",
                "approver_id": self.env.uid,
                "approval_date": fields.Datetime.now(),
            }
            with change._workflow_pass(), change.contract_id._workflow_pass():
                change.write(values)
                if change.amount_after and change.amount_after != change.contract_id.amount:
                    change.contract_id.amount = change.amount_after
            change.contract_id.message_post(
                body=self.env._(
                    "Change of %(date)s approved: %(content)s",
                    date=change.date,
                    content=change.content,
                )
            )
        self.env["sales.approval"]._create_records(
            [
                {
                    "change_id": change.id,
                    "contract_id": change.contract_id.id,
                    "step": "change",
                    "decision": "approved",
                    "opinion": opinion,
                    "company_id": change.company_id.id,
                }
                for change in self
            ]
        )
        return True

    def action_reject(self, opinion=False):
        self._check_change_approver()
        with self._workflow_pass():
            self.write(
                {
                    "state": "rejected",
                    "approver_id": self.env.uid,
                    "approval_date": fields.Datetime.now(),
                }
            )
        return True
