from odoo import models


class TierValidationActivity(models.AbstractModel):
    """Whoever may decide a tier of a document now has it as a to-do (activity 'To Approve'),
    as Odoo asks anyone for an action; once the tier is decided, or the round withdrawn, the
    to-dos of that tier are removed. OCA only posts a message."""

    _inherit = "tier.validation"

    def _tier_activity_reviewers(self):
        """``{document id: users who may decide one of its tiers now}``."""
        reviewers = {}
        for record in self:
            excluded = record._tier_excluded_reviewers()
            users = self.env["res.users"]
            for review in record.review_ids:
                if review.status in ("waiting", "pending") and review._can_review_value():
                    users |= review.reviewer_ids
            reviewers[record.id] = users.filtered("active") - excluded
        return reviewers

    def _tier_sync_activities(self):
        """Schedule the missing to-dos of ``self``'s reviewers, close the obsolete ones."""
        records = self.filtered("id")
        if not records or "activity_ids" not in self._fields:
            return
        activity_type = self.env.ref("record_retention.mail_activity_type_tier_review")
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        wanted = records._tier_activity_reviewers()
        obsolete = existing.filtered(lambda a: a.user_id not in wanted.get(a.res_id, ()))
        # the decision itself is in the chatter (the tier messages): no "done" note on top
        obsolete.unlink()
        have = {(activity.res_id, activity.user_id.id) for activity in existing - obsolete}
        model = self.env["ir.model"]._get_id(self._name)
        Activity.create(
            [
                {
                    "res_model_id": model,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": activity_type._get_date_deadline(),
                }
                for record in records
                for user in wanted[record.id]
                if (record.id, user.id) not in have
            ]
        )

    def request_validation(self):
        reviews = super().request_validation()
        self._tier_sync_activities()
        return reviews

    def restart_validation(self):
        result = super().restart_validation()
        self._tier_sync_activities()
        return result

    def _validate_tier(self, tiers=False):
        result = super()._validate_tier(tiers)
        self._tier_sync_activities()
        return result

    def _rejected_tier(self, tiers=False):
        result = super()._rejected_tier(tiers)
        self._tier_sync_activities()
        return result
