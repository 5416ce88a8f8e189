from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ArchiveLegalHold(models.Model):
    _name = "archive.legal.hold"
    _description = "Legal Hold"
    _inherit = ("mail.thread",)
    _order = "active desc, id desc"

    reason = fields.Text(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    user_id = fields.Many2one(
        "res.users", string="Placed By", default=lambda self: self.env.user, readonly=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        tracking=True,
        index="btree_not_null",
        help="Every record of this customer and of its contacts is kept.",
    )
    res_model = fields.Char(string="Model", index=True, tracking=True)
    res_id = fields.Many2oneReference(string="Record ID", model_field="res_model", tracking=True)
    record_ref = fields.Reference(
        selection="_selection_record_model",
        string="Record",
        compute="_compute_record_ref",
        inverse="_inverse_record_ref",
    )

    release_date = fields.Date(readonly=True, copy=False, tracking=True)
    release_reason = fields.Text(readonly=True, copy=False, tracking=True)
    released_by_id = fields.Many2one("res.users", string="Released By", readonly=True, copy=False)

    @api.model
    def _governed_models(self):
        """The document types a retention policy governs, active or not: a hold on any other
        model would keep nothing."""
        policies = self.env["archive.retention.policy"].sudo().with_context(active_test=False)
        return policies.search([]).model_id

    @api.model
    def _selection_record_model(self):
        return [(model.model, model.name) for model in self._governed_models().sorted("name")]

    @api.depends("res_model", "res_id")
    def _compute_record_ref(self):
        for hold in self:
            record = False
            if hold.res_model and hold.res_model in self.env and hold.res_id:
                record = self.env[hold.res_model].sudo().browse(hold.res_id).exists()
            hold.record_ref = record or False

    @api.model
    def _record_ref_values(self, ref):
        if isinstance(ref, models.BaseModel):
            return {"res_model": ref._name if ref else False, "res_id": ref.id}
        if ref:
            model, res_id = ref.split(",")
            return {"res_model": model, "res_id": int(res_id)}
        return {}

    @api.model_create_multi
    def create(self, vals_list):
        # set the record before the constraints are checked (inverses run after them)
        for vals in vals_list:
            if "record_ref" in vals:
                vals.update(self._record_ref_values(vals.pop("record_ref")))
        return super().create(vals_list)

    def _inverse_record_ref(self):
        for hold in self:
            record = hold.record_ref
            hold.write({"res_model": record._name if record else False, "res_id": record.id})

    @api.constrains("partner_id", "res_model", "res_id")
    def _check_target(self):
        for hold in self:
            if not hold.partner_id and not (hold.res_model and hold.res_id):
                raise ValidationError(
                    self.env._("A legal hold is placed on a customer or on one record.")
                )

    @api.constrains("res_model")
    def _check_governed_model(self):
        governed = set(self._governed_models().mapped("model"))
        for hold in self:
            if hold.res_model and hold.res_model not in governed:
                raise ValidationError(
                    self.env._(
                        "No retention policy governs %(model)s: a legal hold on it would keep "
                        "nothing. Hold the customer instead, or create a policy first.",
                        model=self.env["ir.model"]._get(hold.res_model).name or hold.res_model,
                    )
                )

    @api.constrains("active", "release_reason")
    def _check_release_reason(self):
        if any(not hold.active and not hold.release_reason for hold in self):
            raise ValidationError(
                self.env._("A legal hold is released with a reason: use Release.")
            )

    def action_unarchive(self):
        """Placing a released hold again starts a new hold: the release is forgotten."""
        result = super().action_unarchive()
        self.write({"release_date": False, "release_reason": False, "released_by_id": False})
        return result

    def _release(self, reason, date=None):
        self.write(
            {
                "active": False,
                "release_reason": reason,
                "release_date": date or fields.Date.context_today(self),
                "released_by_id": self.env.uid,
            }
        )

    def action_open_release(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Release Legal Hold"),
            "res_model": "archive.legal.hold.release",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    @api.depends("partner_id", "res_model", "res_id")
    def _compute_display_name(self):
        for hold in self:
            if hold.partner_id:
                hold.display_name = hold.partner_id.commercial_partner_id.display_name
            elif hold.record_ref:
                hold.display_name = hold.record_ref.sudo().display_name
            else:
                hold.display_name = f"{hold.res_model},{hold.res_id}"
