from odoo import api, fields, models

from .customer_complaint import OPEN_STATES

# Due soon: less than a quarter of the time allowed for the next step is left.
DUE_SOON_SHARE = 0.25


class CustomerComplaint(models.Model):
    """How complaints show on lists and boards: columns in workflow order, SLA badges."""

    _inherit = "customer.complaint"

    state = fields.Selection(group_expand="_group_expand_states")
    sla_status = fields.Selection(
        [("on_time", "On Time"), ("due_soon", "Due Soon"), ("late", "Late")],
        string="Service Level",
        compute="_compute_sla_status",
        help="Open complaints: the next deadline (first contact, then registration) is far, "
        "near (less than a quarter of its time left) or passed. Resolved and closed "
        "complaints: whether both deadlines were met.",
    )

    @api.model
    def _group_expand_states(self, states, domain):
        """Kanban columns in the order of the workflow; cancelled only when there are some."""
        workflow = [key for key, _label in self._fields["state"].selection]
        return [key for key in workflow if key != "cancelled" or key in states]

    @api.depends(
        "state",
        "received_at",
        "acknowledged_at",
        "registered_at",
        "response_deadline",
        "registration_deadline",
        "sla_met",
    )
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.state in ("resolved", "closed"):
                complaint.sla_status = "on_time" if complaint.sla_met else "late"
                continue
            if complaint.state not in OPEN_STATES or not complaint.received_at:
                complaint.sla_status = False
                continue
            first_contact = complaint.acknowledged_at
            if first_contact and first_contact > complaint.response_deadline:
                complaint.sla_status = "late"
                continue
            if not first_contact:
                deadline = complaint.response_deadline
            elif not complaint.registered_at:
                deadline = complaint.registration_deadline
            else:
                complaint.sla_status = "on_time" if complaint.sla_met else "late"
                continue
            if not deadline:
                complaint.sla_status = False
            elif deadline < now:
                complaint.sla_status = "late"
            elif deadline - now < (deadline - complaint.received_at) * DUE_SOON_SHARE:
                complaint.sla_status = "due_soon"
            else:
                complaint.sla_status = "on_time"
