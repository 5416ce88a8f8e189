from odoo import models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

MERGE_MANAGERS = ("sales_team.group_sale_manager", "customer_archive.group_archive_manager")


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's merge deletes the merged partners and, where a unique constraint stands in
    the way, their records (the dossier, its communication log). Merging customers keeps
    the file: refused while a legal hold stands, or while both sides hold what exists
    once per customer (a dossier, a statement of a period); otherwise the dossier moves to
    the customer kept, with its log, and says so."""

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        partners = self.env["res.partner"].browse(partner_ids).exists()
        if len(partners) < 2:
            return super()._merge(partner_ids, dst_partner, extra_checks)
        if not (dst_partner and dst_partner in partners):
            dst_partner = self._get_ordered_partner(partners.ids)[-1]
        src_partners = partners - dst_partner
        problems = self._merge_conflicts(src_partners.sudo(), dst_partner.sudo())
        if problems:
            raise UserError(
                self.env._(
                    "These partners are not merged:\n%(problems)s",
                    problems="\n".join(f"- {problem}" for problem in problems),
                )
            )
        source_names = ", ".join(src_partners.mapped("display_name"))
        moved = self._merge_move_dossier(src_partners.sudo(), dst_partner.sudo())
        result = super()._merge(partners.ids, dst_partner, extra_checks)
        if moved:
            moved.message_post(
                body=self.env._(
                    "Customers merged by %(user)s: this dossier of %(merged)s moved with its "
                    "communication log to %(target)s.",
                    user=self.env.user.name,
                    merged=source_names,
                    target=dst_partner.display_name,
                )
            )
        return result

    def _merge_dossiers(self, partners):
        return (
            self.env["customer.archive"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )

    def _merge_conflicts(self, src_partners, dst_partner):
        """Why ``src_partners`` may not be merged into ``dst_partner`` (texts saying what
        to do); extended by the modules whose records exist once per customer."""
        problems = []
        customers = src_partners | dst_partner
        dossiers = self._merge_dossiers(customers)
        if (dossiers or customers.filtered("customer_code")) and not (
            self.env.su or any(self.env.user.has_group(group) for group in MERGE_MANAGERS)
        ):
            raise AccessError(
                self.env._(
                    "Only a sales manager or an archive administrator merges customers: "
                    "their dossiers and documents are kept for them."
                )
            )
        if len(dossiers) > 1:
            problems.append(
                self.env._(
                    "%(customers)s each have a dossier (客户档案). Keep the customer whose "
                    "dossier is complete and close the file of the other (Close File), or have "
                    "an archive administrator move its communication log and documents into "
                    "the dossier kept and destroy the empty one through record retention; then "
                    "merge again.",
                    customers=", ".join(dossiers.partner_id.mapped("display_name")),
                )
            )
        elif dossiers and dst_partner.parent_id:
            problems.append(
                self.env._(
                    "The dossier of %(customer)s belongs to a commercial customer: merge into "
                    "a company, not into the contact %(contact)s.",
                    customer=dossiers.partner_id.display_name,
                    contact=dst_partner.display_name,
                )
            )
        holds = (
            self.env["archive.legal.hold"]
            .sudo()
            .search(
                expression.OR(
                    [
                        [("partner_id", "in", (src_partners | src_partners.parent_id).ids)],
                        [("res_model", "=", "res.partner"), ("res_id", "in", src_partners.ids)],
                        [
                            ("res_model", "=", "customer.archive"),
                            ("res_id", "in", self._merge_dossiers(src_partners).ids),
                        ],
                    ]
                )
            )
        )
        for hold in holds:
            problems.append(
                self.env._(
                    "%(hold)s is under a legal hold (%(reason)s): its records are kept as they "
                    "are. Merge once the hold is lifted, or keep both partners.",
                    hold=hold.display_name,
                    reason=hold.reason,
                )
            )
        return problems

    def _merge_move_dossier(self, src_partners, dst_partner):
        """The one dossier of ``src_partners`` moves to ``dst_partner`` (which has none)
        through the ORM: its stored copies of the customer (salesperson, code, company)
        follow."""
        dossier = self._merge_dossiers(src_partners)
        coded = src_partners.filtered("customer_code")[:1]
        if coded and not dst_partner.customer_code:
            # the customer code (客户编号) goes with the file, once
            code = coded.customer_code
            coded.write({"customer_code": False})
            dst_partner.write({"customer_code": code})
        if not dossier:
            return dossier
        salesperson = dossier.partner_id.user_id
        if salesperson and not dst_partner.user_id:
            # computed on the partner, so Odoo's merge does not carry it over
            with dst_partner._workflow_pass():
                dst_partner.write({"user_id": salesperson.id})
        with dossier._workflow_pass():
            dossier.write({"partner_id": dst_partner.id})
        return dossier
