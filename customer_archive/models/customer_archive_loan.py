from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import department_head, schedule_activity_once


class CustomerArchiveLoan(models.Model):
    """Loan of a dossier's paper originals (借用), with its due date and return record.

    The borrower's department head, then the archive approve it (tier definitions in
    data/tier_definition_data.xml); a later due date needs an approved extension
    (``customer.archive.loan.extension``)."""

    _name = "customer.archive.loan"
    _description = "Loan of Dossier Originals"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation"]
    _order = "date_due, id"
    _rec_name = "archive_id"
    _state_from = ["submitted"]
    _state_to = ["lent"]
    _tier_validation_manual_config = False
    _tier_owner_fields = ("user_id",)
    _workflow_fields = ("state", "manager_id", "approver_id", "approval_date", "date_returned")
    _workflow_frozen_fields = ("archive_id", "user_id", "purpose", "date_out", "date_due")
    _workflow_frozen_states = ("submitted", "lent", "returned", "rejected")

    archive_id = fields.Many2one(
        "customer.archive", "Dossier", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", "Borrower", required=True, default=lambda self: self.env.user, index=True
    )
    manager_id = fields.Many2one(
        "res.users",
        "Department Head",
        compute="_compute_manager_id",
        store=True,
        help="Leader of the borrower's sales team: the first approver.",
    )
    purpose = fields.Text(required=True)
    date_out = fields.Date("Lent on", required=True, default=fields.Date.context_today)
    date_due = fields.Date(
        "Due on", required=True, tracking=True, help="Once lent, changed by an extension only."
    )
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
    approval_date = fields.Datetime(readonly=True, copy=False)
    extension_ids = fields.One2many(
        "customer.archive.loan.extension", "loan_id", "Extensions", readonly=True
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    _sql_constraints = [
        ("due_after_out", "CHECK(date_out <= date_due)", "A loan is due after it starts."),
    ]

    @api.depends("user_id")
    def _compute_manager_id(self):
        for loan in self:
            loan.manager_id = department_head(loan.user_id)

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
        self._tier_submit()

    def _tier_approved(self):
        for loan in self:
            loan._tier_write({"state": "lent", **loan._tier_approver_vals()})

    def _tier_rejected(self):
        self._tier_write({"state": "rejected"})

    def action_request_extension(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extension"),
            "res_model": "customer.archive.loan.extension",
            "view_mode": "form",
            "target": "current",
            "context": {"default_loan_id": self.id},
        }

    def action_return(self):
        if not (self.env.su or self.env.user.has_group("customer_archive.group_archive_manager")):
            raise UserError(self.env._("Only archive administrators register returns."))
        if self.filtered(lambda r: r.state != "lent"):
            raise UserError(self.env._("Only lent originals can be returned."))
        with self._workflow_pass():
            self.write({"state": "returned", "date_returned": fields.Date.context_today(self)})
        # An extension still waiting is moot once the originals are back.
        self.extension_ids.filtered(lambda ext: ext.state in ("draft", "submitted"))._cancel()
        self.activity_unlink(["customer_archive.mail_activity_type_loan_overdue"])

    @api.model
    def _cron_overdue_reminder(self):
        """Remind borrowers of overdue loans, once per loan."""
        activity_type = self.env.ref("customer_archive.mail_activity_type_loan_overdue")
        overdue = self.search([("is_overdue", "=", True)])
        return schedule_activity_once(
            overdue, activity_type, lambda loan: loan.user_id.id, fields.Date.context_today(self)
        )
