from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import schedule_activity_once


class CustomerArchiveLoan(models.Model):
    """Loan of a dossier's paper originals (借用), with its due date and return record."""

    _name = "customer.archive.loan"
    _description = "Loan of Dossier Originals"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin"]
    _order = "date_due, id"
    _rec_name = "archive_id"
    _workflow_fields = ("state", "approver_id", "date_returned")
    _workflow_frozen_fields = ("archive_id", "user_id", "purpose", "date_out")
    _workflow_frozen_states = ("lent", "returned", "rejected")

    archive_id = fields.Many2one(
        "customer.archive", "Dossier", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", "Borrower", required=True, default=lambda self: self.env.user, index=True
    )
    purpose = fields.Text(required=True)
    date_out = fields.Date("Lent on", required=True, default=fields.Date.context_today)
    date_due = fields.Date("Due on", required=True, tracking=True)
    date_returned = fields.Date("Returned on", readonly=True, copy=False, tracking=True)
    return_note = fields.Text("Return Record", help="Completeness and condition on return.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("lent", "Lent"),
            ("returned", "Returned"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    approver_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    _sql_constraints = [
        ("due_after_out", "CHECK(date_out <= date_due)", "A loan is due after it starts."),
    ]

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "lent" and loan.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError()
        domain = [("state", "=", "lent"), ("date_due", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def action_submit(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only draft loans can be submitted."))
        with self._workflow_pass():
            self.state = "submitted"

    def action_approve(self):
        self.env["customer.archive.access.request"]._check_archive_manager()
        if self.filtered(lambda r: r.state != "submitted"):
            raise UserError(self.env._("Only submitted loans can be approved."))
        with self._workflow_pass():
            self.write({"state": "lent", "approver_id": self.env.uid})

    def action_reject(self):
        self.env["customer.archive.access.request"]._check_archive_manager()
        submitted = self.filtered(lambda r: r.state == "submitted")
        with submitted._workflow_pass():
            submitted.write({"state": "rejected", "approver_id": self.env.uid})

    def action_return(self):
        self.env["customer.archive.access.request"]._check_archive_manager()
        if self.filtered(lambda r: r.state != "lent"):
            raise UserError(self.env._("Only lent originals can be returned."))
        with self._workflow_pass():
            self.write({"state": "returned", "date_returned": fields.Date.context_today(self)})
        self.activity_unlink(["customer_archive.mail_activity_type_loan_overdue"])

    @api.model
    def _cron_overdue_reminder(self):
        """Remind borrowers of overdue loans, once per loan."""
        activity_type = self.env.ref("customer_archive.mail_activity_type_loan_overdue")
        overdue = self.search([("is_overdue", "=", True)])
        return schedule_activity_once(
            overdue, activity_type, lambda loan: loan.user_id.id, fields.Date.context_today(self)
        )
