from odoo import api, fields, models
from odoo.exceptions import AccessError


class SalesCreditOverride(models.Model):
    _name = "sales.credit.override"
    _description = "Credit Policy Override"
    _inherit = ["mail.thread"]  # noqa: RUF012
    _order = "date_until desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    reason = fields.Text(required=True, tracking=True)
    date_until = fields.Date("Valid Until", required=True, tracking=True)
    approver_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda s: s.env.user,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    order_ids = fields.Many2many("sale.order", string="Orders Let Through", readonly=True)
    is_valid = fields.Boolean(compute="_compute_is_valid")

    @api.depends("date_until", "active")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for override in self:
            override.is_valid = override.active and override.date_until >= today

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only a sales manager may override the credit policy."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_manager()
        for vals in vals_list:
            vals["approver_id"] = self.env.uid
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"order_ids"}:
            self._check_manager()
        return super().write(vals)

    def _compute_display_name(self):
        for override in self:
            override.display_name = f"{override.partner_id.name} ≤ {override.date_until}"
