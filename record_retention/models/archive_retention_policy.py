import logging
from ast import literal_eval

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.osv import expression

# Fields an anonymization may never blank.
ANONYMIZE_FORBIDDEN_FIELDS = frozenset(
    {
        "id",
        "display_name",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
        "active",
        "company_id",
        "parent_path",
    }
)
# Types that can be replaced by a neutral value even when the field is required.
ANONYMIZE_REQUIRED_OK_TYPES = frozenset(
    {"char", "text", "html", "integer", "float", "monetary", "boolean"}
)


_logger = logging.getLogger(__name__)


def _not(domain):
    """The records outside ``domain``."""
    return ["!", *expression.normalize_domain(domain)]


class ArchiveRetentionPolicy(models.Model):
    _name = "archive.retention.policy"
    _description = "Retention Policy"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        tracking=True,
        help="Only records of this company, or shared by all companies, are swept (for "
        "models with a company). Leave empty to sweep the records of every company.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=lambda self: [("groups_id", "in", self.env.ref("base.group_user").id)],
        tracking=True,
        help="Receives an activity when a sweep finds records to destroy.",
    )
    model_id = fields.Many2one(
        "ir.model",
        required=True,
        ondelete="cascade",
        domain=lambda self: [("model", "in", self._retention_target_models())],
        tracking=True,
        help="Only the models that take part in record retention (they name what a policy "
        "may do with their records) can be kept by a policy.",
    )
    model_name = fields.Char(related="model_id.model", store=True, string="Model Technical Name")
    date_field_id = fields.Many2one(
        "ir.model.fields",
        string="Start Date Field",
        required=True,
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')), "
        "('store', '=', True)]",
        tracking=True,
        help="The retention period starts on this date (e.g. the date the contract was "
        "completed or the customer relationship ended).",
    )
    period_value = fields.Integer(
        string="Retention Period", required=True, default=5, tracking=True
    )
    period_unit = fields.Selection(
        [("days", "Days"), ("months", "Months"), ("years", "Years")],
        required=True,
        default="years",
        tracking=True,
    )
    action = fields.Selection(
        [
            ("archive", "Archive Records"),
            ("anonymize", "Anonymize Fields"),
            ("delete", "Delete Records"),
        ],
        string="Destruction Action",
        required=True,
        default="archive",
        tracking=True,
        help="Archive: hide the records (they stay in the database). Anonymize: blank the "
        "listed fields. Delete: remove the records. An export is attached to the request "
        "before any of them.",
    )
    anonymize_field_ids = fields.Many2many(
        "ir.model.fields",
        string="Fields to Anonymize",
        domain="[('model_id', '=', model_id), ('store', '=', True)]",
    )
    domain = fields.Char(
        default="[]",
        required=True,
        help="Only records matching this filter are due.",
    )
    approval_steps = fields.Integer(
        default=1,
        required=True,
        tracking=True,
        help="1: one archive administrator approves. 2: two different archive "
        "administrators approve one after the other.",
    )
    batch_size = fields.Integer(
        default=500,
        required=True,
        help="Records processed per batch; each batch is done completely or not at all.",
    )
    note = fields.Html(
        string="Legal Basis",
        translate=True,
        help="The regulation and article the period comes from (会计档案管理办法 where "
        "accounting records are concerned).",
    )
    last_sweep_date = fields.Datetime(readonly=True, copy=False)
    request_ids = fields.One2many("archive.destruction.request", "policy_id", string="Requests")
    request_count = fields.Integer(compute="_compute_request_count")

    @api.model
    def _retention_target_models(self):
        """Models whose records a policy may destroy: those that opted in through
        ``retention.target.mixin``."""
        registry = self.env.registry
        return sorted(
            name
            for name in registry.descendants(["retention.target.mixin"], "_inherit")
            if not registry[name]._abstract and not registry[name]._transient
        )

    @api.constrains("approval_steps", "period_value", "batch_size")
    def _check_numbers(self):
        for policy in self:
            if policy.approval_steps not in (1, 2):
                raise ValidationError(self.env._("A policy needs one or two approval steps."))
            if policy.period_value <= 0 or policy.batch_size <= 0:
                raise ValidationError(
                    self.env._("The retention period and the batch size must be positive.")
                )

    @api.depends("request_ids")
    def _compute_request_count(self):
        counts = dict(
            self.env["archive.destruction.request"]._read_group(
                [("policy_id", "in", self.ids)], ["policy_id"], ["__count"]
            )
        )
        for policy in self:
            policy.request_count = counts.get(policy, 0)

    def write(self, vals):
        if "model_id" in vals and any(
            policy.request_ids and policy.model_id.id != vals["model_id"] for policy in self
        ):
            raise UserError(
                self.env._("The model of a policy that already made requests cannot change.")
            )
        return super().write(vals)

    @api.onchange("model_id")
    def _onchange_model_id(self):
        self.date_field_id = False
        self.anonymize_field_ids = [Command.clear()]
        self.domain = "[]"

    @api.constrains("model_id", "date_field_id", "action", "anonymize_field_ids", "domain")
    def _check_target(self):
        for policy in self:
            model_name = policy.model_id.model
            if model_name not in policy._retention_target_models():
                raise ValidationError(
                    self.env._(
                        "%(model)s does not take part in record retention: no policy can "
                        "destroy its records.",
                        model=policy.model_id.name,
                    )
                )
            Model = self.env[model_name]
            if (
                policy.date_field_id.model_id != policy.model_id
                or policy.date_field_id.ttype not in ("date", "datetime")
                or not Model._fields[policy.date_field_id.name].store
            ):
                raise ValidationError(
                    self.env._(
                        "The start date field must be a stored date of %(model)s.",
                        model=policy.model_id.name,
                    )
                )
            if policy.action not in Model._retention_actions:
                raise ValidationError(
                    self.env._(
                        "%(model)s allows only: %(actions)s.",
                        model=policy.model_id.name,
                        actions=", ".join(
                            dict(self._fields["action"]._description_selection(self.env))[a]
                            for a in Model._retention_actions
                        ),
                    )
                )
            if policy.action == "archive" and "active" not in Model._fields:
                raise ValidationError(
                    self.env._(
                        "%(model)s cannot be archived (it has no Active field): "
                        "anonymize or delete instead.",
                        model=policy.model_id.name,
                    )
                )
            if policy.action == "anonymize":
                policy._check_anonymize_fields()
            try:
                domain = literal_eval(policy.domain or "[]")
                Model.sudo()._search(domain)  # the filter is checked, not read
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The filter of %(policy)s is not valid: %(error)s",
                        policy=policy.name,
                        error=error,
                    )
                ) from error

    def _check_anonymize_fields(self):
        self.ensure_one()
        if not self.anonymize_field_ids:
            raise ValidationError(self.env._("List the fields to anonymize."))
        Model = self.env[self.model_name]
        for ir_field in self.anonymize_field_ids:
            field = Model._fields.get(ir_field.name)
            if (
                ir_field.model_id != self.model_id
                or ir_field.name not in Model._retention_anonymize_fields
                or not field
                or not field.store
                or ir_field.name in ANONYMIZE_FORBIDDEN_FIELDS
                or field.type == "one2many"
                or (field.compute and not field.inverse)
                or (field.required and field.type not in ANONYMIZE_REQUIRED_OK_TYPES)
            ):
                raise ValidationError(
                    self.env._(
                        "The field %(field)s cannot be anonymized.",
                        field=ir_field.field_description,
                    )
                )

    # ------------------------------------------------------------------ due records

    def _get_cutoff(self, today=None):
        """Records whose start date is before this day are due (date + period < today)."""
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        return today - relativedelta(**{self.period_unit: self.period_value})

    def _get_base_domain(self, today=None, company=None):
        """Domain of the records whose retention period is over (date and filter only), of
        ``company`` (the policy's by default) when the model has companies."""
        self.ensure_one()
        company = company or self.company_id
        Model = self.env[self.model_name]
        date_field = Model._fields[self.date_field_id.name]
        cutoff = self._get_cutoff(today)
        if date_field.type == "datetime":
            cutoff = fields.Datetime.to_datetime(cutoff)
        domain = [(date_field.name, "!=", False), (date_field.name, "<", cutoff)]
        domain += literal_eval(self.domain or "[]")
        if company and self._is_company_dependent():
            # records shared between companies (no company) belong to every company
            domain.append(("company_id", "in", [company.id, False]))
        return domain

    def _is_company_dependent(self):
        field = self.env[self.model_name]._fields.get("company_id")
        return bool(field and field.store and field.type == "many2one")

    def _get_sweep_companies(self):
        """The companies swept one by one: the policy's, or every company for a policy of
        all companies (a request stays inside one company)."""
        self.ensure_one()
        if self.company_id:
            return self.company_id
        if self._is_company_dependent():
            return self.env["res.company"].sudo().search([])
        return self.env.company

    def _get_requester(self):
        """The user the engine acts for: the current user, or the responsible of the policy
        for the scheduled sweep. The export holds only the fields he may read."""
        self.ensure_one()
        return self.user_id if self.env.su and self.user_id else self.env.user

    def _get_held_domain(self):
        """Domain of the records under an active legal hold; False when nothing is held."""
        self.ensure_one()
        return self._get_target_model()._retention_held_domain()

    def _get_hold_domain(self):
        """Domain excluding the records under an active legal hold."""
        held = self._get_held_domain()
        return _not(held) if held else []

    def _get_protections(self):
        """``(reason, domain)`` of the records the policy must skip whatever it says: legal
        holds, then what the target model protects (``_retention_protections()``: an open
        balance, a running contract, an unresolved complaint...)."""
        self.ensure_one()
        return self._get_target_model()._retention_all_protections()

    def _get_protected_domain(self):
        """Domain excluding the records the target model protects (see
        :meth:`_get_protections`; legal holds are excluded by :meth:`_get_hold_domain`)."""
        self.ensure_one()
        Model = self._get_target_model()
        return expression.AND([_not(domain) for _reason, domain in Model._retention_protections()])

    def _get_skip_reasons(self, record_ids):
        """``{id: reason}`` of the records of ``record_ids`` that must be skipped now (one
        query per protection, whatever the number of records)."""
        self.ensure_one()
        return self._get_target_model()._retention_skip_reasons(record_ids)

    def _get_pending_domain(self):
        """Domain excluding the records already listed in an open destruction request."""
        self.ensure_one()
        pending_ids = (
            self.env["archive.destruction.request.line"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self.model_name),
                    ("state", "in", ("pending", "failed")),
                    ("request_id.state", "in", ("draft", "to_approve", "approved")),
                ]
            )
            .mapped("res_id")
        )
        return [("id", "not in", pending_ids)] if pending_ids else []

    def _get_due_domain(self, today=None, pending=True, company=None):
        """Domain of the records to list now. With ``pending=False`` the records already
        listed in an open request are included (used when that request is executed)."""
        self.ensure_one()
        domain = self._get_base_domain(today, company) + self._get_hold_domain()
        domain += self._get_protected_domain()
        return domain + self._get_pending_domain() if pending else domain

    def _get_target_model(self):
        self.ensure_one()
        return self.env[self.model_name].sudo().with_context(active_test=False)

    # ------------------------------------------------------------------ actions

    def _preview_counts(self, today=None):
        """Dry run: how many records each policy would list, without touching anything."""
        result = {}
        for policy in self:
            Model = policy._get_target_model()
            domain = policy._get_base_domain(today)
            matching = Model.search_count(domain)
            domain += policy._get_hold_domain()
            not_held = Model.search_count(domain)
            domain += policy._get_protected_domain()
            not_protected = Model.search_count(domain)
            due = Model.search_count(domain + policy._get_pending_domain())
            base = policy._get_base_domain(today)
            # why records past the period are kept (a record may have several reasons)
            reasons = {
                reason: Model.search_count(expression.AND([base, protected]))
                for reason, protected in policy._get_protections()
            }
            result[policy.id] = {
                "matching": matching,
                "on_hold": matching - not_held,
                "protected": not_held - not_protected,
                "already_requested": not_protected - due,
                "due": due,
                "reasons": {reason: count for reason, count in reasons.items() if count},
            }
        return result

    def action_preview(self):
        """Dry run of the selected policies (every active one when none is selected), as a
        table the archivist can sweep from."""
        return self.env["archive.retention.preview"]._open_for(self or self.search([]))

    def _run_sweep(self, today=None):
        requests = self.env["archive.destruction.request"]
        today = today or fields.Date.context_today(self)
        for policy in self:
            requester = policy._get_requester()
            Model = policy._get_target_model()
            policy.last_sweep_date = fields.Datetime.now()
            for company in policy._get_sweep_companies():
                records = Model.search(policy._get_due_domain(today, company=company), order="id")
                if records:
                    requests |= policy._create_request(records, today, company, requester)
        return requests

    def _create_request(self, records, today, company, requester):
        """A draft destruction request of ``company`` listing ``records``."""
        self.ensure_one()
        names = dict(zip(records.ids, records.mapped("display_name"), strict=True))
        request = self.env["archive.destruction.request"].create(
            {
                "policy_id": self.id,
                "company_id": company.id,
                "user_id": requester.id,
                "reference_date": today,
                "line_ids": [
                    Command.create({"res_id": record_id, "name": names[record_id]})
                    for record_id in records.ids
                ],
            }
        )
        if self.user_id:
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.user_id.id,
                summary=self.env._("Review the records due for destruction"),
            )
        return request

    def action_run_sweep(self):
        """List the due records of each policy in a new destruction request (draft)."""
        return self._run_sweep()

    def action_open_sweep(self):
        requests = self.action_run_sweep()
        if not requests:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._("Nothing is due"),
                    "message": self.env._("No record is due for destruction today."),
                    "type": "info",
                },
            }
        action = self.env["ir.actions.actions"]._for_xml_id(
            "record_retention.archive_destruction_request_action"
        )
        if len(requests) == 1:
            action.update(res_id=requests.id, views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", requests.ids)]
        return action

    def action_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "record_retention.archive_destruction_request_action"
        )
        action["domain"] = [("policy_id", "=", self.id)]
        action["context"] = {"default_policy_id": self.id}
        return action

    @api.model
    def _cron_sweep(self):
        """Sweep the active policies not swept today, one per call: the scheduler commits
        after each and calls again while some remain (``_notify_progress``); a policy that
        fails is reported on its chatter and does not stop the others."""
        start = fields.Datetime.to_datetime(fields.Date.today())
        todo = self.search(["|", ("last_sweep_date", "=", False), ("last_sweep_date", "<", start)])
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        for done, policy in enumerate(todo, start=1):
            policy._sweep_isolated()
            if in_cron:
                self.env["ir.cron"]._notify_progress(done=1, remaining=len(todo) - done)
                return
        self.env["ir.cron"]._notify_progress(done=len(todo), remaining=0)

    def _sweep_isolated(self):
        """Sweep ``self``; an error rolls back this policy's sweep only and is reported."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                return self._run_sweep()
        except Exception as error:  # noqa: BLE001 - one broken policy must not stop the rest
            _logger.exception("Retention sweep of policy %s failed", self.id)
            self.last_sweep_date = fields.Datetime.now()
            self.message_post(body=self.env._("The scheduled sweep failed: %(error)s", error=error))
            return self.env["archive.destruction.request"]
