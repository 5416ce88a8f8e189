from odoo import fields, models


class CustomerComplaintCategory(models.Model):
    _name = "customer.complaint.category"
    _description = "Complaint Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    team_user_ids = fields.Many2many(
        "res.users",
        string="Responsible Team",
        domain=[("share", "=", False)],
        help="Staff handling complaints of this category. The first member becomes "
        "responsible when the customer has no salesperson.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Complaints Manager",
        domain=[("share", "=", False)],
        help="Receives the escalations of missed deadlines and the call-backs of "
        "unsatisfied customers.",
    )
    visit_required = fields.Boolean(
        string="Follow-up Visit Required",
        help="A complaint of this category can only be closed after a follow-up visit.",
    )
    description = fields.Text(translate=True)
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    _sql_constraints = (
        ("name_company_unique", "UNIQUE(name, company_id)", "Category names must be unique."),
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["customer.complaint"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.complaint_count = counts.get(category, 0)
