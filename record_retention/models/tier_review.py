from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

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

    # Who approved what, with which opinion (审批意见), is the document's: a review is read by
    # those who may read its document (OCA lets every internal user read every review).
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain or [], self._readable_documents_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _readable_documents_domain(self):
        self.flush_model(["model"])
        rows = self.env.execute_query(
            SQL("SELECT DISTINCT model FROM tier_review WHERE model IS NOT NULL")
        )
        domains = [
            [
                ("model", "=", model),
                ("res_id", "in", self.env[model].with_context(active_test=False)._search([])),
            ]
            for (model,) in rows
            if model in self.env and self.env[model].has_access("read")
        ]
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su or not any(self._ids):
            return result
        forbidden = self.browse()
        for model, reviews in self.sudo().grouped("model").items():
            readable = set()
            if model and model in self.env:
                documents = self.env[model].browse(reviews.mapped("res_id")).exists()
                readable = set(documents._filtered_access("read").ids)
            forbidden |= self.browse(r.id for r in reviews if r.res_id not in readable)
        if forbidden:
            return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
        return None

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
