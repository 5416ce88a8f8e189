from odoo import fields, models
from odoo.exceptions import UserError


class CustomerArchiveLoanExtension(models.Model):
    """Extension of a loan of originals (延期): approved as the loan was, by the borrower's
    department head, then the archive (tier definitions in data/tier_definition_data.xml).
    Its approval moves the loan's due date, which nothing else changes once lent."""

    _name = "customer.archive.loan.extension"
    _description = "Loan Extension"
    _inherit = ["mail.thread", "workflow.guard.mixin", "tier.validation"]
    _order = "id desc"
    _rec_name = "loan_id"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    # Neither the requester nor the borrower approves the extension.
    _tier_owner_fields = ("user_id", "borrower_id")
    _workflow_fields = (
        "state",
        "user_id",
        "borrower_id",
        "manager_id",
        "date_due",
        "approver_id",
        "approval_date",
    )
    _workflow_frozen_fields = ("loan_id", "new_date_due", "reason")
    _workflow_frozen_states = ("submitted", "approved", "rejected", "cancelled")

    loan_id = fields.Many2one(
        "customer.archive.loan", required=True, ondelete="cascade", index=True
    )
    archive_id = fields.Many2one(related="loan_id.archive_id")
    company_id = fields.Many2one(related="loan_id.company_id", store=True)
    borrower_id = fields.Many2one(related="loan_id.user_id", string="Borrower")
    manager_id = fields.Many2one(
        related="loan_id.manager_id", store=True, help="The first approver, as for the loan."
    )
    user_id = fields.Many2one(
        "res.users", "Requested by", required=True, default=lambda self: self.env.user
    )
    date_due = fields.Date(
        "Previous Due Date",
        readonly=True,
        copy=False,
        help="The loan's due date when the extension was submitted.",
    )
    new_date_due = fields.Date("Extended until", required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    approver_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)

    def action_submit(self):
        is_archivist = self.env.user.has_group("customer_archive.group_archive_manager")
        for extension in self:
            loan = extension.loan_id
            if extension.state != "draft":
                raise UserError(self.env._("Only draft extensions can be submitted."))
            if loan.state != "lent":
                raise UserError(self.env._("Only the due date of lent originals is extended."))
            if not (is_archivist or self.env.user == loan.user_id):
                raise UserError(self.env._("The borrower or the archive requests an extension."))
            if extension.new_date_due <= loan.date_due:
                raise UserError(
                    self.env._(
                        "An extension ends after the loan's due date (%(date)s).",
                        date=loan.date_due,
                    )
                )
            if loan.extension_ids.filtered(lambda other: other.state == "submitted"):
                raise UserError(self.env._("An extension of this loan is already submitted."))
            with extension._workflow_pass():
                extension.write({"state": "submitted", "date_due": loan.date_due})
        self._tier_submit()

    def action_cancel(self):
        if self.filtered(lambda extension: extension.state not in ("draft", "submitted")):
            raise UserError(self.env._("Only draft or submitted extensions can be cancelled."))
        self._cancel()

    def _cancel(self):
        self._tier_write({"state": "cancelled"})

    def _tier_approved(self):
        for extension in self:
            extension._tier_write({"state": "approved", **extension._tier_approver_vals()})
            # The reviewer's decision moves the loan's due date (the borrower's loan, which
            # the department head does not otherwise write).
            extension.loan_id.sudo()._tier_write({"date_due": extension.new_date_due})

    def _tier_rejected(self):
        self._tier_write({"state": "rejected"})
