from odoo import models
from odoo.exceptions import AccessError

from ..models.tier_validation import review_pass


class CommentWizard(models.TransientModel):
    """The reviewer's opinion (审批意见) given with a decision."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        # The wizard's reviews come from the client: only those the user may decide now.
        allowed = record._tier_reviews_of_user(record.review_ids)
        if not self.review_ids or self.review_ids - allowed:
            raise AccessError(self.env._("You cannot decide these reviews."))
        with review_pass(self.env):
            return super().add_comment()
