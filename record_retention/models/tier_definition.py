from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """Every document of the database that takes tier validation."""
        names = super()._get_tier_validation_model_names()
        children = self.env.registry["tier.validation"]._inherit_children
        return names + [
            name for name in children if name not in names and not self.env[name]._abstract
        ]
