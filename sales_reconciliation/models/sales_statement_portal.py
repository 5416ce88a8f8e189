from odoo import api, fields, models

# What the customer reads in the portal: his part of the workflow, not the company's.
PORTAL_STATES = {
    "sent": "to_confirm",
    "confirmed": "confirmed",
    "disputed": "disputed",
    "resolved": "disputed",
    "done": "done",
}


class SalesStatement(models.Model):
    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited

    portal_state = fields.Selection(
        [
            ("to_confirm", "To Confirm"),
            ("confirmed", "Confirmed"),
            ("disputed", "Disputed"),
            ("done", "Completed"),
        ],
        string="Status for the Customer",
        compute="_compute_portal_state",
        help="The status the customer sees in the portal: to confirm, confirmed, disputed "
        "(until the corrected statement is sent again) or completed.",
    )

    @api.depends("state")
    def _compute_portal_state(self):
        for statement in self:
            statement.portal_state = PORTAL_STATES.get(statement.state, False)
