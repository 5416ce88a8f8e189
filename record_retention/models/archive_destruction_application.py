from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .archive_destruction_request import ArchiveDestructionRequest

# Archive administrators who approve an application, one after the other (finance too for
# sales-ledger and accounting records): a destruction by hand is never decided by one.
APPLICATION_APPROVAL_STEPS = 2
# The verification checklist (seed 001, 六、2: 编号、登记; 核对，确保信息完整、准确).
CHECKLIST_FIELDS = ("check_identified", "check_complete", "check_not_needed")


class ArchiveDestructionApplication(models.Model):
    """A destruction application (销毁申请) for named records, e.g. a customer's file: the
    applicant lists the records, gives the reason and ticks the verification checklist; the
    request is then numbered, approved, exported, executed and certified as a sweep's."""

    _inherit = "archive.destruction.request"
    _workflow_frozen_fields = (
        "policy_id",
        "company_id",
        "reference_date",
        "reason",
        *CHECKLIST_FIELDS,
    )

    _workflow_fields = (
        *ArchiveDestructionRequest._workflow_fields,
        "target_model_id",
    )

    target_model_id = fields.Many2one(
        "ir.model",
        string="Records Of",
        ondelete="cascade",
        domain=lambda self: [
            ("model", "in", self.env["archive.retention.policy"]._retention_target_models())
        ],
        help="Only the models that take part in record retention can be destroyed.",
    )
    reason = fields.Text(
        "Reason for Destruction", tracking=True, help="Why these records are destroyed now."
    )
    check_identified = fields.Boolean(
        "Records Numbered and Registered",
        tracking=True,
        help="Every record listed is the one to destroy, identified one by one.",
    )
    check_complete = fields.Boolean(
        "Checked Complete and Accurate",
        tracking=True,
        help="The records were checked before destruction: complete and accurate.",
    )
    check_not_needed = fields.Boolean(
        "Retention Period Over, No Longer Needed",
        tracking=True,
        help="Their retention period is over; no business, dispute or audit needs them.",
    )

    # ------------------------------------------------------------------ target

    @api.model
    def _application_choice(self, vals):
        """Pop from ``vals`` what the applicant chooses: the model and the action."""
        choice = {name: vals.pop(name) for name in ("res_model", "action") if name in vals}
        if "target_model_id" in vals:
            model = self.env["ir.model"].browse(vals.pop("target_model_id"))
            choice["res_model"] = model.model
        return choice

    @api.model
    def _application_target_vals(self, res_model, action):
        """The snapshot of an application on ``res_model`` with ``action``, checked: only a
        model that opted in, with an action it allows."""
        targets = self.env["archive.retention.policy"]._retention_target_models()
        if not res_model or res_model not in targets:
            raise ValidationError(
                self.env._(
                    "%(model)s does not take part in record retention: no application can "
                    "destroy its records.",
                    model=res_model or "-",
                )
            )
        Model = self.env[res_model]
        action = action or Model._retention_actions[0]
        if action not in Model._retention_actions:
            raise ValidationError(
                self.env._(
                    "%(model)s allows only: %(actions)s.",
                    model=self.env["ir.model"]._get(res_model).name,
                    actions=", ".join(
                        dict(self._fields["action"]._description_selection(self.env))[a]
                        for a in Model._retention_actions
                    ),
                )
            )
        if action == "archive" and "active" not in Model._fields:
            raise ValidationError(
                self.env._("These records cannot be archived: anonymize or delete them instead.")
            )
        return {
            "res_model": res_model,
            "target_model_id": self.env["ir.model"]._get_id(res_model),
            "model_description": self.env["ir.model"]._get(res_model).name,
            "action": action,
            "anonymize_fields": ",".join(
                name for name in Model._retention_anonymize_fields if name in Model._fields
            )
            if action == "anonymize"
            else False,
            "approval_steps": APPLICATION_APPROVAL_STEPS,
        }

    def _application_snapshot(self, vals, choice=None):
        res = super()._application_snapshot(vals)
        choice = choice or {}
        vals.update(self._application_target_vals(choice.get("res_model"), choice.get("action")))
        return res

    def write(self, vals):
        if {"target_model_id", "action", "res_model"} & set(vals) and all(
            request.request_type == "application" and request.state == "draft" for request in self
        ):
            vals = dict(vals)
            choice = self._application_choice(vals)
            for request in self:
                res_model = choice.get("res_model", request.res_model)
                if res_model != request.res_model and request.line_ids:
                    raise UserError(
                        self.env._("Remove the records listed before choosing another model.")
                    )
                action = choice.get("action", request.action)
                target = self._application_target_vals(res_model, action)
                with request._workflow_pass():
                    super(ArchiveDestructionApplication, request).write(target)
            if not vals:
                return True
        return super().write(vals)

    # ------------------------------------------------------------------ records

    def _check_application_records(self, record_ids):
        """``{id: name}`` of the records of ``record_ids`` an application may list: they
        exist, the applicant reads them, they belong to the request's company and nothing
        protects them (the reason is given otherwise)."""
        self.ensure_one()
        Model = self._get_target_model()
        records = Model.browse(record_ids).exists()
        if len(records) != len(set(record_ids)):
            raise UserError(self.env._("A record listed no longer exists."))
        # The engine never reads what the applicant could not read.
        records.with_user(self.user_id).check_access("read")
        inside = Model.search(self._get_due_check_domain() + [("id", "in", records.ids)])
        if records - inside:
            raise UserError(
                self.env._(
                    "%(records)s: not a record of %(company)s.",
                    records=", ".join((records - inside).mapped("display_name")),
                    company=self.company_id.name,
                )
            )
        reasons = Model._retention_skip_reasons(records.ids)
        if reasons:
            raise UserError(
                self.env._("These records are protected and cannot be destroyed:")
                + "\n"
                + "\n".join(
                    self.env._(
                        "%(record)s: %(reason)s",
                        record=record.display_name,
                        reason=reasons[record.id],
                    )
                    for record in records.filtered(lambda r: r.id in reasons)
                )
            )
        return {record.id: record.display_name for record in records}

    def action_submit(self):
        for request in self.filtered(lambda r: r.request_type == "application"):
            if request.state != "draft":
                continue  # the base refuses it
            if not request.reason:
                raise UserError(self.env._("Give the reason for the destruction."))
            if not all(request[name] for name in CHECKLIST_FIELDS):
                raise UserError(
                    self.env._("Tick every item of the verification checklist before submitting.")
                )
            request._check_application_records(request.line_ids.mapped("res_id"))
        return super().action_submit()
