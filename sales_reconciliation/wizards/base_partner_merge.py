from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge_conflicts(self, src_partners, dst_partner):
        """A customer has one statement per company and period: Odoo's merge would delete
        the merged customer's (unique constraint)."""
        problems = super()._merge_conflicts(src_partners, dst_partner)
        Statement = self.env["sales.statement"].sudo().with_context(active_test=False)
        kept = Statement.search([("partner_id", "=", dst_partner.id)])
        periods = {(s.company_id, s.date_from, s.date_to) for s in kept}
        clashing = Statement.search([("partner_id", "in", src_partners.ids)]).filtered(
            lambda s: (s.company_id, s.date_from, s.date_to) in periods
        )
        if clashing:
            problems.append(
                self.env._(
                    "%(customers)s have statements (对账单) for the same periods: "
                    "%(statements)s. A statement sent to the customer is kept: keep both "
                    "customers, or delete the duplicate's draft statements and merge again.",
                    customers=", ".join((clashing.partner_id | dst_partner).mapped("display_name")),
                    statements=", ".join(
                        f"{s.name} ({s.date_from} ~ {s.date_to})" for s in clashing
                    ),
                )
            )
        return problems
