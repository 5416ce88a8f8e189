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
