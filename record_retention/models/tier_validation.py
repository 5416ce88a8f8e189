"""The suite's approvals run on OCA's tier validation, with the suite's rules on top.

A document of the suite inherits ``tier.validation`` and ``workflow.guard.mixin``; its
submit method moves it into ``_state_from`` and calls :meth:`_tier_submit`. Reviewers then
validate or reject in the order of the tier definitions. When the last review is approved,
``_tier_approved()`` moves the document on; a rejection calls ``_tier_rejected()``. Both
hooks run inside a workflow pass, so only this path changes the guarded state.

Rules added to OCA's engine:
- nobody reviews a document he requested or owns (``_tier_owner_fields``);
- one person signs one tier of a document: the two steps of a two-step approval need two
  different people;
- reviews are changed by the engine only (see ``tier.review``).
"""

from odoo import Command, fields, models
from odoo.exceptions import AccessError

from .workflow_guard import workflow_allowed, workflow_pass, workflow_refuse

# OCA's switches to skip its checks: the engine's own writes only, never a client's call.
ENGINE_CONTEXT_KEYS = ("skip_validation_check", "skip_check_state_condition")
# Fields of a document that only the engine changes: its reviews (created and decided by
# the engine, never through their document) and the status computed from them.
ENGINE_FIELDS = ("review_ids", "validation_status")


def review_pass(env):
    """Let the enclosed engine code create, change and delete tier reviews."""
    return workflow_pass(env["tier.review"], model_wide=True)


class TierValidation(models.AbstractModel):
    _inherit = "tier.validation"

    # Fields holding the users who own the document: they never review it.
    _tier_owner_fields = ()

    def _tier_requesters(self):
        """Users who own ``self`` or asked for its review."""
        self.ensure_one()
        users = self.review_ids.requested_by
        for name in self._tier_owner_fields:
            users |= self[name]
        return users

    def _tier_excluded_reviewers(self):
        """Users who may not review ``self`` now: its owners, whoever requested the review
        and whoever has already signed one of its tiers."""
        return (
            self._tier_requesters()
            | self.review_ids.filtered(lambda review: review.status == "approved").done_by
        )

    def _get_sequences_to_approve(self, user):
        if user in self._tier_excluded_reviewers():
            return []
        return super()._get_sequences_to_approve(user)

    def _tier_reviews_of_user(self, tiers):
        """The part of ``tiers`` the current user may decide now."""
        sequences = self._get_sequences_to_approve(self.env.user)
        return (tiers or self.review_ids).filtered(lambda review: review.sequence in sequences)

    def _tier_submit(self):
        """Ask the reviewers of the tiers that apply; a document no tier applies to needs
        no approval and is approved at once."""
        reviews = self.request_validation()
        self.filtered(lambda record: not record.review_ids)._tier_approved()
        return reviews

    def _tier_write(self, vals):
        """Write a workflow change of ``self`` (state, approver) from a hook of the engine."""
        with workflow_pass(self):
            self.with_context(skip_validation_check=True).write(vals)

    def _tier_without_engine_keys(self):
        if workflow_allowed(self) or not any(self.env.context.get(k) for k in ENGINE_CONTEXT_KEYS):
            return self
        return self.with_context(**dict.fromkeys(ENGINE_CONTEXT_KEYS, False))

    # OCA's messages, in the suite's words and translations (its own zh_CN leaves them empty).
    def _compute_next_review(self):
        for record in self:
            review = record.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[
                :1
            ]
            record.next_review = review and self.env._("Next: %s", review.name or "")

    def _notify_created_review_body(self):
        return self.env._("%s submitted this document for review.", self.env.user.name)

    def _notify_requested_review_body(self):
        return self.env._("%s: your review is requested.", self.env.user.name)

    def _notify_accepted_reviews_body(self):
        comment = self._tier_user_comment()
        if comment:
            return self.env._(
                "%(user)s approved: %(comment)s", user=self.env.user.name, comment=comment
            )
        return self.env._("%s approved.", self.env.user.name)

    def _notify_rejected_review_body(self):
        comment = self._tier_user_comment()
        if comment:
            return self.env._(
                "%(user)s rejected: %(comment)s", user=self.env.user.name, comment=comment
            )
        return self.env._("%s rejected.", self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("%s restarted the review.", self.env.user.name)

    def _tier_user_comment(self):
        reviews = self.review_ids.filtered(lambda r: self.env.user in r.reviewer_ids and r.comment)
        return reviews[:1].comment

    def restart_validation(self):
        # Restarting deletes the signed tiers: the requester withdraws his document, nobody
        # else wipes the decisions taken on it.
        if not workflow_allowed(self):
            for record in self:
                if record.review_ids and self.env.user not in record._tier_requesters():
                    raise AccessError(
                        self.env._(
                            "%(document)s: only whoever submitted it restarts its review.",
                            document=record.display_name,
                        )
                    )
        with review_pass(self.env):
            result = super().restart_validation()
        self.invalidate_recordset(["need_validation"])
        return result

    def _tier_last_review(self, status="approved"):
        """The last review of ``self`` decided with ``status``: reviewer, time and opinion."""
        self.ensure_one()
        reviews = self.review_ids.filtered(lambda review: review.status == status)
        return reviews.sorted(lambda review: (review.reviewed_date, review.sequence))[-1:]

    def _tier_approver_vals(self):
        """``approver_id`` and ``approval_date`` of ``self`` from its last approval (the
        current user and time when no tier applied)."""
        last = self._tier_last_review()
        return {
            "approver_id": (last.done_by or self.env.user).id,
            "approval_date": last.reviewed_date or fields.Datetime.now(),
        }

    def _demo_tier_decide(self, comment, approve=True):
        """Demo data: the current user decides his tier of each of ``self`` with his opinion,
        through the comment wizard as in the form (``validate_tier`` only opens it)."""
        for record in self:
            wizard = self.env["comment.wizard"].create(
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "review_ids": [Command.set(record._tier_reviews_of_user(False).ids)],
                    "validate_reject": "validate" if approve else "reject",
                    "comment": comment,
                }
            )
            wizard.add_comment()

    def _tier_approved(self):
        """Hook: the last tier approved ``self`` (or none applied). Move the document on."""

    def _tier_rejected(self):
        """Hook: a reviewer rejected ``self``. Send the document back to its requester."""

    def _tier_check_reviewer(self):
        self.ensure_one()
        if not self._get_sequences_to_approve(self.env.user):
            raise AccessError(
                self.env._(
                    "%(document)s: you cannot review it now (not your tier or turn, or you "
                    "requested, own or already signed it).",
                    document=self.display_name,
                )
            )

    def validate_tier(self):
        self._tier_check_reviewer()
        return super().validate_tier()

    def reject_tier(self):
        self._tier_check_reviewer()
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        tiers = self._tier_reviews_of_user(tiers)
        if not tiers:
            return
        with review_pass(self.env):
            super()._validate_tier(tiers)
        if self.validation_status == "validated" and self._check_state_from_condition():
            self._tier_approved()

    def _rejected_tier(self, tiers=False):
        self.ensure_one()
        tiers = self._tier_reviews_of_user(tiers)
        if not tiers:
            return
        with review_pass(self.env):
            super()._rejected_tier(tiers)
        # OCA posts no rejection when the tiers go in sequence, and a new round deletes the
        # rejected review: the opinion is kept in the chatter.
        if hasattr(self, "message_post"):
            self._notify_rejected_review()
        self._tier_rejected()

    def request_validation(self):
        with review_pass(self.env):
            reviews = super(TierValidation, self._tier_without_engine_keys()).request_validation()
            # The first tiers become pending now, not at the end of the request.
            reviews.flush_recordset()
        # OCA's need_validation has no dependencies: its cached value would ask for the
        # reviews again when the document is approved in the same transaction.
        self.invalidate_recordset(["need_validation"])
        return reviews

    def _update_counter(self, review_counter):
        with review_pass(self.env):
            return super()._update_counter(review_counter)

    def write(self, vals):
        # The reviews are the engine's: a client does not write them through the document.
        engine_fields = [name for name in ENGINE_FIELDS if name in vals]
        if engine_fields and not workflow_allowed(self):
            workflow_refuse(self, engine_fields)
        return super(TierValidation, self._tier_without_engine_keys()).write(vals)

    def _tier_validation_check_write_remove_reviews(self, vals):
        # Moving back to draft or cancelling drops the reviews of the finished round.
        with review_pass(self.env):
            return super()._tier_validation_check_write_remove_reviews(vals)

    def unlink(self):
        with review_pass(self.env):
            return super().unlink()
