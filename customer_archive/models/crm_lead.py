from odoo import models


class CrmLead(models.Model):
    """Leads and opportunities are the customers' needs (客户需求记录, seed 003): a policy may
    archive them, blank their contact details or delete them."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "retention.target.mixin"]
    _retention_actions = ("archive", "anonymize", "delete")
    _retention_anonymize_fields = (
        "contact_name",
        "partner_name",
        "email_from",
        "phone",
        "mobile",
        "street",
        "street2",
        "description",
    )

    # The lead does not pass a salesperson's new e-mail or phone on to an approved customer
    # whose contact details are under change control (004: 客户信息变更表).
    def _get_partner_email_update(self, force_void=True):
        return super()._get_partner_email_update(force_void=force_void) and (
            "email" not in self.partner_id._change_controlled_fields()
        )

    def _get_partner_phone_update(self, force_void=True):
        return super()._get_partner_phone_update(force_void=force_void) and (
            "phone" not in self.partner_id._change_controlled_fields()
        )
