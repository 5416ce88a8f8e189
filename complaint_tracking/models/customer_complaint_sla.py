from odoo import api, fields, models

from .customer_complaint import PRIORITIES

# Regulation 004: a first answer within 24 hours, the complaint form within 3 working days.
DEFAULT_RESPONSE_HOURS = 24
DEFAULT_REGISTRATION_DAYS = 3


class CustomerComplaintSla(models.Model):
    """Response and registration targets of a priority, optionally for one category."""

    _name = "customer.complaint.sla"
    _description = "Complaint Service Level"
    _order = "priority desc, category_id, id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    priority = fields.Selection(PRIORITIES, required=True, default="0")
    category_id = fields.Many2one(
        "customer.complaint.category",
        check_company=True,
        help="Leave empty for every category without a target of its own.",
    )
    response_hours = fields.Float(
        string="First Contact Within (Hours)",
        required=True,
        default=DEFAULT_RESPONSE_HOURS,
    )
    registration_days = fields.Integer(
        string="Registration Within (Working Days)",
        required=True,
        default=DEFAULT_REGISTRATION_DAYS,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "targets_positive",
            "CHECK(response_hours > 0 AND registration_days >= 0)",
            "Targets must be positive.",
        ),
        (
            "unique_target",
            "UNIQUE NULLS NOT DISTINCT (company_id, priority, category_id)",
            "There is already a target for this priority and category.",
        ),
    ]

    @api.model
    def _targets(self, complaints):
        """(response hours, registration working days) of each complaint: the target of its
        category and priority, else of its priority, else the regulation's."""
        rules = self.sudo().search([("company_id", "in", complaints.company_id.ids)])
        table = {(r.company_id.id, r.priority, r.category_id.id): r for r in rules}
        result = {}
        for complaint in complaints:
            key = (complaint.company_id.id, complaint.priority or "0")
            rule = table.get((*key, complaint.category_id.id)) or table.get((*key, False))
            result[complaint] = (
                (rule.response_hours, rule.registration_days)
                if rule
                else (DEFAULT_RESPONSE_HOURS, DEFAULT_REGISTRATION_DAYS)
            )
        return result
