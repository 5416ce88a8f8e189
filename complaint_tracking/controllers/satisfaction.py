from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.customer_satisfaction_mixin import SCORE_FIELDS


class SatisfactionSurveyPortal(CustomerPortal):
    @http.route(
        ["/my/satisfaction/<int:survey_id>"],
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_satisfaction_survey(self, survey_id, access_token=None, **kw):
        """The customer answers from the e-mailed link, with or without an account."""
        try:
            survey_sudo = self._document_check_access(
                "customer.satisfaction.survey", survey_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        error = None
        if request.httprequest.method == "POST":
            try:
                survey_sudo._answer(
                    {name: kw.get(name) for name in SCORE_FIELDS}, kw.get("comment")
                )
            except UserError as exc:
                error = exc.args[0]
            else:
                return request.redirect(survey_sudo.get_portal_url())
        fields = survey_sudo._fields
        values = {
            "survey": survey_sudo,
            "questions": [
                (name, fields[name]._description_string(request.env)) for name in SCORE_FIELDS
            ],
            "form": kw,
            "error": error,
        }
        return request.render("complaint_tracking.portal_satisfaction_survey", values)
