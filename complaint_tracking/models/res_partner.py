from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # what customer service reads of the customer's documents follows from it (record rules)
    complaint_ids = fields.One2many("customer.complaint", "commercial_partner_id")
    satisfaction_score = fields.Float(
        string="Satisfaction",
        compute="_compute_satisfaction_score",
        groups="complaint_tracking.group_complaint_user,sales_team.group_sale_salesman",
        help="Average score (1-5) of the customer's answered surveys and follow-up visits.",
    )
    satisfaction_count = fields.Integer(
        compute="_compute_satisfaction_score",
        groups="complaint_tracking.group_complaint_user,sales_team.group_sale_salesman",
    )

    def _compute_satisfaction_score(self):
        """One grouped query per model, counting what the user may read."""
        totals = {partner.id: [0.0, 0] for partner in self}
        sources = (
            ("customer.satisfaction.survey", [("state", "=", "answered")]),
            ("customer.complaint.visit", []),
        )
        for model, domain in sources:
            Model = self.env[model]
            if not Model.has_access("read"):
                continue
            for partner, average, count in Model._read_group(
                [("partner_id.commercial_partner_id", "in", self.ids), *domain],
                ["partner_id"],
                ["score_average:avg", "__count"],
            ):
                total = totals.setdefault(partner.commercial_partner_id.id, [0.0, 0])
                total[0] += average * count
                total[1] += count
        for partner in self:
            total, count = totals.get(partner.id, (0.0, 0))
            partner.satisfaction_score = total / count if count else 0.0
            partner.satisfaction_count = count
