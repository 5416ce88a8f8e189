from odoo import api, fields, models

CUSTOMER_CATEGORIES = [
    ("important", "Important"),
    ("main", "Main"),
    ("ordinary", "Ordinary"),
    ("potential", "Potential"),
]
CREDIT_GRADES = [
    ("A", "A - pays cash or on time"),
    ("B", "B - often owes, recoverable"),
    ("C", "C - delinquent, hard to recover"),
]
ENTERPRISE_NATURES = [
    ("state_owned", "State-owned"),
    ("foreign", "Foreign-funded"),
    ("joint_venture", "Joint venture"),
    ("private", "Private"),
    ("collective", "Collective"),
    ("individual", "Individual business"),
    ("government", "Government / institution"),
    ("other", "Other"),
]
ARCHIVE_STATES = [
    ("draft", "Applied"),
    ("approved", "Approved"),
    ("blocked", "Blocked"),
    ("closed", "Closed"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    customer_code = fields.Char(
        "Customer Code", size=20, copy=False, index="btree_not_null", tracking=True
    )
    short_name = fields.Char(tracking=True, help="Shown on screens; the full name is printed.")
    customer_category = fields.Selection(CUSTOMER_CATEGORIES, tracking=True)
    credit_grade = fields.Selection(CREDIT_GRADES, tracking=True)
    enterprise_nature = fields.Selection(ENTERPRISE_NATURES, tracking=True)
    # Existing partners are approved when the module is installed; customers that a
    # salesperson registers start as applications (see create()).
    archive_state = fields.Selection(
        ARCHIVE_STATES,
        "Customer File Status",
        default="approved",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )

    @api.model
    def _archive_approvers(self):
        """Whether the current user approves customers: sales managers and archive administrators."""
        user = self.env.user
        return (
            self.env.su
            or user.has_group("sales_team.group_sale_manager")
            or user.has_group("customer_archive.group_archive_manager")
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._archive_approvers():
            for vals in vals_list:
                if not vals.get("parent_id"):
                    vals.setdefault("archive_state", "draft")
        return super().create(vals_list)
