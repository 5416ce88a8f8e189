from odoo import api, fields, models
from odoo.exceptions import UserError


class ArchiveDestructionRequestLine(models.Model):
    _name = "archive.destruction.request.line"
    _inherit = ["workflow.guard.mixin"]
    _description = "Destruction Request Line"
    _order = "request_id, res_id"
    # The execution records the outcome; the records listed are those approved.
    _workflow_fields = ("state", "note")
    _workflow_frozen_fields = ("request_id", "res_id", "name")

    request_id = fields.Many2one(
        "archive.destruction.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    res_model = fields.Char(
        string="Model", related="request_id.res_model", store=True, index=True, precompute=True
    )
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True
    )
    name = fields.Char(string="Record", readonly=True)
    record_ref = fields.Reference(
        selection="_selection_record_model",
        string="Record to Destroy",
        compute="_compute_record_ref",
        inverse="_inverse_record_ref",
        help="A record named by hand in a destruction application.",
    )
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("done", "Processed"),
            ("skipped", "Skipped"),
            ("failed", "Failed"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    note = fields.Char(readonly=True)

    _sql_constraints = (
        (
            "record_uniq",
            "UNIQUE(request_id, res_id)",
            "A record is listed only once per destruction request.",
        ),
    )

    @api.model
    def _selection_record_model(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"]
            .sudo()
            .search(
                [("model", "in", self.env["archive.retention.policy"]._retention_target_models())]
            )
        ]

    @api.depends("res_model", "res_id")
    def _compute_record_ref(self):
        for line in self:
            line.record_ref = f"{line.res_model},{line.res_id}" if line.res_id else False

    def _inverse_record_ref(self):
        """Set through :meth:`create` (the record is checked there); never changed."""

    @api.model_create_multi
    def create(self, vals_list):
        Request = self.env["archive.destruction.request"]
        requests = Request.browse({vals.get("request_id") for vals in vals_list})
        if any(request.state not in ("draft",) for request in requests):
            raise UserError(self.env._("Records can only be added to a draft request."))
        # Records named by hand (an application's, or one added to a sweep's request): the
        # request checks them and names them.
        by_hand = {}
        for vals in vals_list:
            ref = vals.pop("record_ref", False)
            if ref:
                model, res_id = ref.split(",") if isinstance(ref, str) else (ref._name, ref.id)
                request = Request.browse(vals["request_id"])
                if model != request.res_model:
                    raise UserError(
                        self.env._(
                            "%(request)s destroys records of %(model)s only.",
                            request=request.name,
                            model=request.model_description,
                        )
                    )
                vals["res_id"] = int(res_id)
            request = Request.browse(vals.get("request_id"))
            if request.request_type == "application" or not vals.get("name"):
                by_hand.setdefault(request, []).append(vals)
        for request, request_vals in by_hand.items():
            names = request._check_application_records([vals["res_id"] for vals in request_vals])
            for vals in request_vals:
                vals["name"] = names[vals["res_id"]]
        return super().create(vals_list)

    def write(self, vals):
        if any(line.request_id.state == "done" for line in self):
            raise UserError(self.env._("An executed destruction request cannot be changed."))
        return super().write(vals)

    def _workflow_frozen_records(self):
        return self.filtered(lambda line: line.request_id.state != "draft")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(line.request_id.state != "draft" for line in self):
            raise UserError(
                self.env._("Records can only be removed from a draft destruction request.")
            )
