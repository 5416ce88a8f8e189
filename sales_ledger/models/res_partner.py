from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.record_retention.models.workflow_guard import (
    workflow_allowed,
    workflow_changed,
    workflow_check,
    workflow_refuse,
)

# Who granted monthly settlement, and when: set by the grant itself.
SETTLEMENT_GRANT_FIELDS = ("settlement_approved_by_id", "settlement_approved_date")


class ResPartner(models.Model):
    _inherit = "res.partner"

    settlement_method = fields.Selection(
        [("cash", "Cash"), ("monthly", "Monthly")],
        default="cash",
        required=True,
        tracking=True,
        copy=False,
        help="Cash (现结, including prepayment) or monthly settlement (月结) under an agreement, "
        "granted by an approved monthly-settlement request.",
    )
    settlement_agreement_ids = fields.Many2many(
        "ir.attachment",
        "sales_ledger_partner_agreement_rel",
        "partner_id",
        "attachment_id",
        copy=False,
        help="The signed monthly-settlement agreement (月结协议) stamped by the customer.",
    )
    settlement_request_ids = fields.One2many(
        "sales.settlement.request", "partner_id", "Monthly Settlement Requests"
    )
    settlement_approved_by_id = fields.Many2one(
        "res.users", "Monthly Settlement Granted By", readonly=True, copy=False
    )
    settlement_approved_date = fields.Date(
        "Monthly Settlement Granted On", readonly=True, copy=False
    )
    sales_region_id = fields.Many2one(
        "sales.region",
        compute="_compute_sales_region_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Region of the sales ledger (销售区域); by default the region of the province.",
    )
    sales_contract_ids = fields.One2many("sales.contract", "partner_id", "Sales Contracts")
    # Counted as the user: the contracts he may read, like the list the button opens.
    sales_contract_count = fields.Integer(
        "Contract Count", compute="_compute_sales_contract_count", compute_sudo=False
    )

    @api.depends("state_id")
    def _compute_sales_region_id(self):
        regions = self.env["sales.region"].search([("state_ids", "in", self.state_id.ids)])
        region_of = {
            state: region for region in regions.sorted(reverse=True) for state in region.state_ids
        }
        for partner in self:
            region = region_of.get(partner.state_id)
            if region or not partner.sales_region_id:
                partner.sales_region_id = region

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_sales_contract_count(self):
        self.sales_contract_count = 0
        if not self.ids or not self.env["sales.contract"].has_access("read"):
            return
        all_partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        groups = self.env["sales.contract"]._read_group(
            [("partner_id", "in", all_partners.ids)], ["partner_id"], ["__count"]
        )
        self_ids = set(self._ids)
        for partner, count in groups:
            while partner:
                if partner.id in self_ids:
                    partner.sales_contract_count += count
                partner = partner.parent_id

    def action_view_sales_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sales_ledger.sales_contract_action")
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def _check_settlement_grant(self, vals):
        """Monthly settlement is granted by an approved request only (its workflow writes
        it); going back to cash is a sales manager's decision."""
        method = vals.get("settlement_method")
        if not method or workflow_allowed(self):
            return
        if self and not workflow_changed(self, "settlement_method", method):
            return
        if method == "monthly":
            raise AccessError(
                self.env._(
                    "Monthly settlement (月结) is granted by an approved monthly-settlement "
                    "request with the signed agreement, not by editing the customer."
                )
            )
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                self.env._("Only a sales manager moves a customer back to cash settlement.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not workflow_allowed(self):
            for vals in vals_list:
                # A personal default (ir.default, which any user sets for himself) fills
                # missing fields after this check: the code's defaults apply instead.
                vals.setdefault("settlement_method", "cash")
                for name in SETTLEMENT_GRANT_FIELDS:
                    vals.setdefault(name, False)
                forged = [name for name in SETTLEMENT_GRANT_FIELDS if vals.get(name)]
                if forged:
                    workflow_refuse(self, forged)
                if vals.get("settlement_method") == "monthly":
                    self._check_settlement_grant(vals)
        return super().create(vals_list)

    def write(self, vals):
        workflow_check(self, vals, SETTLEMENT_GRANT_FIELDS)
        self._check_settlement_grant(vals)
        return super().write(vals)

    def action_settlement_cash(self):
        """A sales manager moves monthly-settlement customers back to cash (现结)."""
        self.write({"settlement_method": "cash"})

    def action_request_monthly_settlement(self):
        """The form of a new monthly-settlement request for this customer."""
        self.ensure_one()
        partner = self.commercial_partner_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Monthly Settlement Request"),
            "res_model": "sales.settlement.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": partner.id,
                "default_agreement_ids": partner.settlement_agreement_ids.ids,
            },
        }

    @api.constrains("settlement_method", "settlement_agreement_ids")
    def _check_settlement_agreement(self):
        for partner in self:
            if partner.settlement_method == "monthly" and not partner.settlement_agreement_ids:
                raise ValidationError(
                    self.env._(
                        "Monthly settlement for %s needs the signed settlement agreement "
                        "attached first.",
                        partner.display_name,
                    )
                )
