from odoo import fields, models


class SalesCollectionLevel(models.Model):
    """A step of collections (催收): how many days from the due date an open invoice raises a
    reminder for its salesperson, and the dunning letter (催款函) that goes with it."""

    _name = "sales.collection.level"
    _description = "Collection Level"
    _order = "company_id, days, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    days = fields.Integer(
        string="Days from Due Date",
        required=True,
        help="Negative: days before the due date (应收预警); positive: days overdue.",
    )
    note = fields.Html(
        string="Instructions",
        translate=True,
        help="What the salesperson is asked to do, shown in his to-do.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Dunning Letter",
        domain=[("model", "=", "sales.collection.reminder")],
        help="The letter offered to send to the customer at this level (e-mail with its PDF).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "days_company_unique",
            "UNIQUE(company_id, days)",
            "A company has one collection level per number of days.",
        )
    ]
