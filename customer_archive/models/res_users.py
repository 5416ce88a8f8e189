from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def review_user_count(self):
        """The approvals of the top bar, named in the user's language (OCA shows each
        model's description in English)."""
        rows = super().review_user_count()
        models_ = (
            self.env["ir.model"].sudo().search([("model", "in", [row["model"] for row in rows])])
        )
        names = {model.model: model.name for model in models_}
        for row in rows:
            row["name"] = names.get(row["model"], row["name"])
        return rows
