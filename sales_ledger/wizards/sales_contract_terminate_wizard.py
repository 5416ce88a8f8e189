from odoo import fields, models

from ..models.sales_contract import ENDING_TYPES


class SalesContractTerminateWizard(models.TransientModel):
    _name = "sales.contract.terminate.wizard"
    _description = "Rescind or Terminate Contract"

    contract_id = fields.Many2one("sales.contract", required=True, readonly=True)
    ending = fields.Selection(
        ENDING_TYPES,
        "Ends By",
        required=True,
        default="termination",
        help="Rescission (解除): a party ends the contract early, by agreement or by its "
        "right of rescission. Termination (终止): the contract ends as the law or its own "
        "terms provide.",
    )
    reason = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)

    def action_confirm(self):
        """Request the rescission or termination: the contract ends once the request is
        approved."""
        self.ensure_one()
        if self.ending == "rescission":
            content = self.env._("Rescission of contract %s", self.contract_id.name)
        else:
            content = self.env._("Termination of contract %s", self.contract_id.name)
        change = self.env["sales.contract.change"].create(
            {
                "contract_id": self.contract_id.id,
                "change_type": "termination",
                "ending": self.ending,
                "date": self.date,
                "reason": self.reason,
                "content": content,
            }
        )
        self.contract_id.message_post(
            body=self.env._(
                "%(type)s requested: %(reason)s", type=change._type_label(), reason=change.reason
            )
        )
        return {"type": "ir.actions.act_window_close"}
