from odoo import api, models

from .workflow_guard import workflow_allowed, workflow_check, workflow_pass, workflow_refuse

# Everything a review says about the decision; only the tier validation engine sets it.
GUARDED_FIELDS = (
    "status",
    "done_by",
    "reviewed_date",
    "requested_by",
    "definition_id",
    "model",
    "res_id",
    "sequence",
    "comment",
)


class TierReview(models.Model):
    """Reviews are the approval record: OCA lets every internal user write them, the suite
    lets only the engine (a reviewer deciding through ``validate_tier``/``reject_tier``)."""

    _inherit = "tier.review"

    @api.model_create_multi
    def create(self, vals_list):
        if not workflow_allowed(self):
            workflow_refuse(
                self, [name for name in GUARDED_FIELDS if name in vals_list[0]] or ["status"]
            )
        return super().create(vals_list)

    def write(self, vals):
        workflow_check(self, vals, GUARDED_FIELDS)
        return super().write(vals)

    def unlink(self):
        if not workflow_allowed(self):
            workflow_refuse(self, ["status"])
        return super().unlink()

    def _compute_can_review(self):
        # OCA moves waiting reviews to pending here, when their turn comes.
        with workflow_pass(self, model_wide=True):
            return super()._compute_can_review()

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        record = self.env[self.model].browse(self.res_id) if self.model else None
        if record is None or not record.exists():
            return reviewers
        excluded = self.requested_by
        for name in record._tier_owner_fields:
            excluded |= record[name]
        return reviewers - excluded
