import csv
import hashlib
import io
import json
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import format_datetime, split_every

from .retention_destruction import destruction_pass

_logger = logging.getLogger(__name__)

# Rows read at once while writing the export.
EXPORT_CHUNK = 1000
# Modules whose records are sales-ledger or accounting records: finance approves their
# destruction too (seed 000: 销毁必须由财务部门负责).
FINANCE_MODULES = frozenset({"account", "sale", "sales_ledger", "sales_reconciliation"})


class ArchiveDestructionRequest(models.Model):
    """Records due for destruction, approved by two different archive administrators (one
    when the policy asks for one step) and by finance for sales-ledger and accounting
    records (tier definitions in data/tier_definition_data.xml), then executed.

    A request is made by the sweep of a retention policy, or by hand as a destruction
    application for named records (see ``archive_destruction_application.py``): both go
    the same way through approval, export, execution, log and certificate."""

    _name = "archive.destruction.request"
    _description = "Destruction Request"
    _inherit = ("mail.thread", "mail.activity.mixin", "workflow.guard.mixin", "tier.validation")
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    _tier_owner_fields = ("user_id",)
    _workflow_fields = (
        "state",
        "request_type",
        "user_id",
        "approval_summary",
        "finance_review",
        "executed_by_id",
        "execution_date",
        "export_attachment_id",
        "export_sha256",
        "result",
        "execution_run_start",
        "execution_queued",
        # the snapshot of the policy
        "res_model",
        "model_description",
        "action",
        "anonymize_fields",
        "approval_steps",
        "batch_size",
    )
    _workflow_frozen_fields = ("policy_id", "company_id", "reference_date")
    _workflow_frozen_states = ("to_approve", "approved", "done", "cancelled")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    request_type = fields.Selection(
        [("sweep", "Retention Sweep"), ("application", "Destruction Application")],
        string="Origin",
        required=True,
        readonly=True,
        default="application",
        help="Retention sweep: listed by a policy. Destruction application: records named "
        "by hand (seed 001: 填写销毁申请).",
    )
    policy_id = fields.Many2one(
        "archive.retention.policy",
        ondelete="restrict",
        check_company=True,
        tracking=True,
        domain="['|', ('active', '=', True), ('active', '=', False)]",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    # Snapshot of the policy when the request was made: a later change of the policy
    # does not change what was approved.
    res_model = fields.Char(string="Model", readonly=True, required=True)
    model_description = fields.Char(readonly=True)
    action = fields.Selection(
        [
            ("archive", "Archive Records"),
            ("anonymize", "Anonymize Fields"),
            ("delete", "Delete Records"),
        ],
        readonly=True,
        required=True,
    )
    anonymize_fields = fields.Char(string="Fields to Anonymize", readonly=True)
    reference_date = fields.Date(
        required=True,
        readonly=True,
        default=fields.Date.context_today,
        help="The records listed were due on this day; they are checked again against it "
        "when the request is executed.",
    )
    approval_steps = fields.Integer(
        readonly=True,
        required=True,
        default=1,
        help="Archive administrators who approve, one after the other (the policy's).",
    )
    finance_review = fields.Boolean(
        "Finance Approval",
        compute="_compute_finance_review",
        store=True,
        help="Sales-ledger or accounting records: finance approves their destruction too.",
    )
    batch_size = fields.Integer(readonly=True, required=True, default=500)
    user_id = fields.Many2one(
        "res.users", string="Requested By", default=lambda self: self.env.user, readonly=True
    )
    approval_summary = fields.Text(
        "Approvals", readonly=True, copy=False, help="Who approved, when, with which opinion."
    )
    executed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    execution_date = fields.Datetime(readonly=True, copy=False)
    export_attachment_id = fields.Many2one(
        "ir.attachment", string="Export", readonly=True, copy=False, ondelete="restrict"
    )
    export_sha256 = fields.Char(string="Export SHA-256", readonly=True, copy=False)
    execution_run_start = fields.Datetime(
        readonly=True,
        copy=False,
        help="Set while an execution runs: its records were checked and exported; an "
        "interrupted execution goes on from there.",
    )
    execution_queued = fields.Boolean(
        "Queued for Execution",
        readonly=True,
        copy=False,
        help="The scheduler executes the request one batch per transaction.",
    )
    result = fields.Text(readonly=True, copy=False, help="What the execution did.")
    line_ids = fields.One2many(
        "archive.destruction.request.line", "request_id", string="Records", copy=False
    )
    log_ids = fields.One2many("archive.destruction.log", "request_id", readonly=True)
    line_count = fields.Integer(compute="_compute_counts", string="Records Listed")
    pending_count = fields.Integer(compute="_compute_counts", string="Pending")
    done_count = fields.Integer(compute="_compute_counts", string="Processed")
    skipped_count = fields.Integer(compute="_compute_counts", string="Skipped")
    failed_count = fields.Integer(compute="_compute_counts", string="Failed")

    @api.depends("line_ids.state")
    def _compute_counts(self):
        counts = {
            (request, state): count
            for request, state, count in self.env["archive.destruction.request.line"]._read_group(
                [("request_id", "in", self.ids)], ["request_id", "state"], ["__count"]
            )
        }
        for request in self:
            request.pending_count = counts.get((request, "pending"), 0)
            request.done_count = counts.get((request, "done"), 0)
            request.skipped_count = counts.get((request, "skipped"), 0)
            request.failed_count = counts.get((request, "failed"), 0)
            request.line_count = (
                request.pending_count
                + request.done_count
                + request.skipped_count
                + request.failed_count
            )

    @api.depends("res_model")
    def _compute_finance_review(self):
        for request in self:
            model = self.env.registry.get(request.res_model)
            request.finance_review = model is not None and model._original_module in FINANCE_MODULES

    # ------------------------------------------------------------------ ORM

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            policy = self.env["archive.retention.policy"].browse(vals.get("policy_id"))
            choice = {} if policy else self._application_choice(vals)
            self._workflow_check(vals, create=True)
            if not policy:
                self._application_snapshot(vals, choice)
            else:
                # The snapshot is the policy's: users do not choose fewer approvals.
                snapshot = {
                    "request_type": "sweep",
                    "res_model": policy.model_name,
                    "target_model_id": policy.model_id.id,
                    "model_description": policy.model_id.name,
                    "action": policy.action,
                    "approval_steps": policy.approval_steps,
                    "batch_size": policy.batch_size,
                }
                if policy.action == "anonymize":
                    snapshot["anonymize_fields"] = ",".join(
                        policy.anonymize_field_ids.mapped("name")
                    )
                for name, value in snapshot.items():
                    if self.env.su:
                        vals.setdefault(name, value)
                    else:
                        vals[name] = value
                vals.setdefault("company_id", policy.company_id.id or self.env.company.id)
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                code = (
                    "archive.destruction.request"
                    if vals.get("request_type") == "sweep"
                    else "archive.destruction.application"
                )
                vals["name"] = (
                    self.env["ir.sequence"].with_company(company).next_by_code(code) or "/"
                )
        with self._workflow_pass(model_wide=True):  # the snapshot taken above
            return super().create(vals_list)

    @api.model
    def _application_choice(self, vals):
        """Hook: pop from ``vals`` what the applicant of a request made by hand chooses."""
        return {}

    def _application_snapshot(self, vals, choice=None):
        """Hook: complete ``vals`` of a request made by hand (no policy)."""
        vals["request_type"] = "application"

    def _mail_field_names(self):
        return {
            fname
            for fname in self._fields
            if fname.startswith(("message_", "activity_", "rating_"))
        }

    def write(self, vals):
        if set(vals) - self._mail_field_names() and any(r.state == "done" for r in self):
            raise UserError(self.env._("An executed destruction request cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_executed(self):
        for request in self:
            if request.state not in ("draft", "cancelled") or request.log_ids:
                raise UserError(
                    self.env._(
                        "Only draft or cancelled destruction requests that never ran can be "
                        "deleted; cancel %(request)s instead.",
                        request=request.name,
                    )
                )

    # ------------------------------------------------------------------ workflow

    def action_submit(self):
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only draft requests can be submitted."))
            if not request.line_ids:
                raise UserError(self.env._("The request lists no record."))
        with self._workflow_pass():
            self.write({"state": "to_approve"})
        # The responsible reviewed the records listed by the sweep.
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._tier_submit()
        return True

    def _tier_approved(self):
        for request in self:
            reviews = request.review_ids.filtered(lambda review: review.status == "approved")
            lines = [
                self.env._(
                    "%(tier)s: %(user)s, %(date)s %(opinion)s",
                    tier=review.name,
                    user=review.done_by.name,
                    date=format_datetime(self.env, review.reviewed_date),
                    opinion=review.comment or "",
                ).strip()
                for review in reviews.sorted("sequence")
            ]
            # Finance reviewers read the request only: the engine writes it for them.
            request.sudo()._tier_write(
                {"state": "approved", "approval_summary": "\n".join(lines) or False}
            )

    def _tier_rejected(self):
        self.sudo()._tier_write({"state": "draft"})

    def action_cancel(self):
        for request in self:
            if request.state == "done":
                raise UserError(self.env._("An executed destruction request cannot be cancelled."))
        with self._workflow_pass():
            self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        for request in self:
            if request.state != "cancelled" or request.log_ids:
                raise UserError(
                    self.env._("Only cancelled requests that never ran can be reset to draft.")
                )
        with self._workflow_pass():
            self.write({"state": "draft", "approval_summary": False})
        return True

    # ------------------------------------------------------------------ execution

    def _get_export_field_names(self, Model):
        """Every stored field the requester may read, except binary contents (kept as
        attachments of their own)."""
        requester_env = Model.with_user(self.user_id).env
        return [
            fname
            for fname, field in Model._fields.items()
            if field.store
            and field.type != "binary"
            and fname != "id"
            and field.is_accessible(requester_env)
        ]

    @api.model
    def _export_value(self, value):
        if value is False or value is None:
            return ""
        if isinstance(value, (list, tuple)):
            return json.dumps(list(value))
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return value

    def _write_export(self, Model, record_ids):
        """Attach a CSV copy of every stored field of the records, with its SHA-256."""
        self.ensure_one()
        field_names = self._get_export_field_names(Model)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", *field_names])
        for chunk in split_every(EXPORT_CHUNK, record_ids):
            for row in Model.browse(chunk).read(field_names, load=None):
                writer.writerow([row["id"]] + [self._export_value(row[f]) for f in field_names])
            Model.invalidate_model()
        content = buffer.getvalue().encode("utf-8-sig")
        digest = hashlib.sha256(content).hexdigest()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name.replace('/', '-')}-{self.res_model}.csv",
                    "raw": content,
                    "mimetype": "text/csv",
                    "res_model": self._name,
                    "res_id": self.id,
                    "description": self.env._(
                        "Export before destruction, SHA-256 %(hash)s", hash=digest
                    ),
                }
            )
        )
        return attachment, digest

    def _get_anonymize_values(self, Model):
        vals = {}
        for fname in (self.anonymize_fields or "").split(","):
            field = Model._fields.get(fname)
            if not field:
                continue
            if field.type == "many2many":
                vals[fname] = [Command.clear()]
            elif field.type in ("char", "text", "html"):
                vals[fname] = "***" if field.required else False
            elif field.type in ("integer", "float", "monetary"):
                vals[fname] = 0
            else:
                vals[fname] = False
        return vals

    def _get_target_model(self):
        self.ensure_one()
        return self.env[self.res_model].sudo().with_context(active_test=False)

    def _get_due_check_domain(self):
        """Domain the listed records must still match when the request is executed: due
        on the reference date (sweep), of the request's company in any case."""
        self.ensure_one()
        if self.policy_id:
            return self.policy_id._get_base_domain(self.reference_date, self.company_id)
        field = self.env[self.res_model]._fields.get("company_id")
        if field and field.store and field.type == "many2one":
            return [("company_id", "in", [self.company_id.id, False])]
        return []

    def _process_batch(self, records):
        # The records' own guards let this approved request destroy them, and nothing else.
        with destruction_pass(records):
            if self.action == "archive":
                records.action_archive()
            elif self.action == "anonymize":
                records.write(self._get_anonymize_values(records))
            else:
                records.unlink()

    def action_execute(self):
        """Execute now, in this transaction (see :meth:`action_execute_in_background` for
        large requests)."""
        for request in self:
            with request._workflow_pass(), request.line_ids._workflow_pass():
                request._execute()
        return True

    def action_execute_in_background(self):
        """Let the scheduler execute the request one batch per transaction: an
        interrupted execution resumes where it stopped."""
        for request in self:
            if request.state != "approved":
                raise UserError(self.env._("Only approved requests can be executed."))
        with self._workflow_pass():
            self.write({"execution_queued": True})
        self.env.ref("record_retention.ir_cron_archive_destruction_execute").sudo()._trigger()
        return True

    def _execute(self):
        self.ensure_one()
        self._execute_prepare()
        while self._execute_next_batch():
            pass
        self._execute_finish()
        return True

    def _execute_prepare(self):
        """Check the records again and export those to destroy, once per run."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(self.env._("Only approved requests can be executed."))
        if self.execution_run_start:
            return  # a run interrupted after its export: it goes on
        Model = self._get_target_model()
        lines = self.line_ids.filtered(lambda line: line.state in ("pending", "failed"))
        # Check again: the records must not be protected, still exist and be due.
        record_ids = lines.mapped("res_id")
        notes = Model._retention_skip_reasons(record_ids)
        domain = self._get_due_check_domain()
        domain += [("id", "in", [id_ for id_ in record_ids if id_ not in notes])]
        still_past = set(Model.search(domain).ids)
        gone = self.env._("No longer due, or already deleted.")
        notes.update(
            {id_: gone for id_ in record_ids if id_ not in notes and id_ not in still_past}
        )
        skipped = lines.filtered(lambda line: line.res_id in notes)
        for note in set(notes.values()):
            skipped.filtered(lambda line, note=note: notes[line.res_id] == note).write(
                {"state": "skipped", "note": note}
            )
        lines -= skipped
        vals = {"execution_run_start": fields.Datetime.now(), "executed_by_id": self.env.uid}
        if lines:
            lines.filtered(lambda line: line.state == "failed").write(
                {"state": "pending", "note": False}
            )
            attachment, digest = self._write_export(Model, lines.mapped("res_id"))
            vals.update(export_attachment_id=attachment.id, export_sha256=digest)
        super().write(vals)

    def _execute_next_batch(self):
        """Process the next batch of pending records; False when none is left."""
        self.ensure_one()
        batch = self.env["archive.destruction.request.line"].search(
            [("request_id", "=", self.id), ("state", "=", "pending")],
            order="res_id",
            limit=self.batch_size,
        )
        if not batch:
            return False
        Model = self._get_target_model()
        try:
            with self.env.cr.savepoint():
                self._process_batch(Model.browse(batch.mapped("res_id")))
                batch.write({"state": "done", "note": False})
        except Exception as error:  # noqa: BLE001 - one failing batch must not stop the rest
            _logger.warning("Destruction batch of %s failed: %s", self.name, error)
            batch.write({"state": "failed", "note": str(error)[:500]})
        return True

    def _execute_finish(self):
        """Log the run, and close the request when nothing failed."""
        self.ensure_one()
        earlier = self.log_ids
        earlier_done = {id_ for log in earlier for id_ in json.loads(log.record_ids or "[]")}
        counts = {state: 0 for state in ("done", "skipped", "failed")}
        done_ids, errors = [], []
        for line in self.line_ids:
            if line.state == "done" and line.res_id not in earlier_done:
                done_ids.append(line.res_id)
            elif line.state == "failed":
                counts["failed"] += 1
                errors.append(line.note or "")
            elif line.state == "skipped":
                counts["skipped"] += 1
        skipped = counts["skipped"] - sum(earlier.mapped("skipped_count"))
        failed = counts["failed"]
        attachment = self.export_attachment_id if done_ids or failed else self.env["ir.attachment"]
        result = self.env._(
            "%(done)s record(s) processed (%(action)s), %(skipped)s skipped, %(failed)s failed.",
            done=len(done_ids),
            action=dict(self._fields["action"]._description_selection(self.env))[self.action],
            skipped=skipped,
            failed=failed,
        )
        self.env["archive.destruction.log"].sudo().create(
            {
                "request_id": self.id,
                "policy_id": self.policy_id.id,
                "company_id": self.company_id.id,
                "res_model": self.res_model,
                "action": self.action,
                "record_ids": json.dumps(sorted(done_ids)),
                "requested_count": len(done_ids) + skipped + failed,
                "done_count": len(done_ids),
                "skipped_count": skipped,
                "failed_count": failed,
                "approvals": self.approval_summary,
                "export_attachment_id": attachment.id,
                "export_sha256": self.export_sha256 if attachment else False,
                "user_id": self.executed_by_id.id or self.env.uid,
                "error": "\n".join(dict.fromkeys(errors)) or False,
            }
        )
        vals = {
            "result": result,
            "execution_date": fields.Datetime.now(),
            "execution_run_start": False,
            "execution_queued": False,
        }
        if not failed:
            vals["state"] = "done"
        super().write(vals)
        self.message_post(body=result, attachment_ids=attachment.ids)
        return True

    @api.model
    def _cron_execute(self):
        """One step of the requests queued for execution per call (the check and export,
        then one batch, then the log), committed by the scheduler between calls."""
        queued = self.search([("execution_queued", "=", True), ("state", "=", "approved")])
        if not queued:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        request = queued[0]
        with request._workflow_pass(), request.line_ids._workflow_pass():
            if not request.execution_run_start:
                request._execute_prepare()
            elif not request._execute_next_batch():
                request._execute_finish()
        remaining = len(queued) - (0 if request.execution_queued else 1)
        self.env["ir.cron"]._notify_progress(done=1, remaining=remaining)

    def action_print_certificate(self):
        return self.env.ref("record_retention.archive_destruction_request_report").report_action(
            self
        )
