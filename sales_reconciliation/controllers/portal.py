from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class StatementPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "statement_count" in counters:
            Statement = request.env["sales.statement"]
            values["statement_count"] = (
                Statement.search_count(self._statement_domain())
                if Statement.has_access("read")
                else 0
            )
        if "statement_to_confirm_count" in counters:
            Statement = request.env["sales.statement"]
            values["statement_to_confirm_count"] = (
                Statement.search_count([*self._statement_domain(), ("state", "=", "sent")])
                if Statement.has_access("read")
                else 0
            )
        return values

    def _statement_domain(self):
        partner = request.env.user.partner_id
        return [
            ("partner_id", "=", partner.commercial_partner_id.id),
            ("state", "!=", "draft"),
        ]

    def _statement_author(self, statement_sudo):
        """Who answers: the logged-in user, or the public user for an access link (never
        the customer's partner by default: whoever holds the link may answer)."""
        return request.env.user.partner_id

    def _confirmation_evidence(self, statement_sudo):
        """How the answer came: through the portal account of one of the customer's
        users, or through the access link; the request's address and browser."""
        user = request.env.user
        own_account = (
            not user._is_public()
            and user.partner_id.commercial_partner_id == statement_sudo.partner_id
        )
        httprequest = request.httprequest
        return {
            "through": "account" if own_account else "link",
            "ip": httprequest.remote_addr,
            "user_agent": httprequest.user_agent.string if httprequest.user_agent else "",
        }

    def _statement_page(self, statement_sudo, access_token=None, message=None, error=None):
        values = {
            "statement": statement_sudo,
            "page_name": "statement",
            "message": message,
            "error": error,
            "report_type": "html",
            "res_company": statement_sudo.company_id,
        }
        values = self._get_page_view_values(
            statement_sudo, access_token, values, "my_statements_history", False
        )
        return request.render(
            "sales_reconciliation.portal_statement_page", values, status=400 if error else 200
        )

    @http.route(
        ["/my/statements", "/my/statements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_statements(self, page=1, **kwargs):
        Statement = request.env["sales.statement"]
        domain = self._statement_domain()
        values = self._prepare_portal_layout_values()
        pager = portal_pager(
            url="/my/statements",
            total=Statement.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        statements = Statement.search(
            domain,
            order="date_to desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_statements_history"] = statements.ids[:100]
        values.update(
            {
                "statements": statements.sudo(),
                "page_name": "statement",
                "pager": pager,
                "default_url": "/my/statements",
            }
        )
        return request.render("sales_reconciliation.portal_my_statements", values)

    @http.route(["/my/statements/<int:statement_id>"], type="http", auth="public", website=True)
    def portal_statement_page(
        self, statement_id, access_token=None, report_type=None, download=False, message=None, **kw
    ):
        try:
            statement_sudo = self._document_check_access(
                "sales.statement", statement_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if statement_sudo.state == "draft":
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=statement_sudo,
                report_type=report_type,
                report_ref="sales_reconciliation.sales_statement_report_action",
                download=download,
            )
        return self._statement_page(statement_sudo, access_token, message=message)

    @http.route(
        ["/my/statements/<int:statement_id>/confirm"], type="json", auth="public", website=True
    )
    def portal_statement_confirm(self, statement_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            statement_sudo = self._document_check_access(
                "sales.statement", statement_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid statement.")}
        if statement_sudo.state != "sent":
            return {"error": request.env._("This statement is not waiting for your answer.")}
        if not name or not signature:
            return {"error": request.env._("Your name and signature are required.")}
        # All or nothing: the signature is checked before any write, and whatever fails
        # later (the signed PDF, the message) undoes the confirmation.
        try:
            with request.env.cr.savepoint():
                statement_sudo._action_customer_confirm(
                    name,
                    signature,
                    author=self._statement_author(statement_sudo),
                    evidence=self._confirmation_evidence(statement_sudo),
                )
        except UserError as error:
            return {"error": error.args[0]}
        return {
            "force_refresh": True,
            "redirect_url": statement_sudo.get_portal_url(query_string="&message=confirmed"),
        }

    @http.route(
        ["/my/statements/<int:statement_id>/dispute"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_statement_dispute(self, statement_id, access_token=None, **post):
        try:
            statement_sudo = self._document_check_access(
                "sales.statement", statement_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if statement_sudo.state != "sent":
            return request.redirect(statement_sudo.get_portal_url())
        disputed = []
        for line in statement_sudo.line_ids:
            prefix = f"line_{line.id}_"
            if not post.get(prefix + "disputed"):
                continue
            disputed.append(
                {
                    "statement_line_id": line.id,
                    "their_amount": post.get(prefix + "their_amount"),
                    "reason": post.get(prefix + "reason") or "",
                }
            )
        if post.get("other_document"):
            disputed.append(
                {
                    "document": post["other_document"],
                    "our_amount": 0.0,
                    "their_amount": post.get("other_their_amount"),
                    "reason": post.get("other_reason") or "",
                }
            )
        if not disputed:
            return request.redirect(statement_sudo.get_portal_url(query_string="&message=no_line"))
        # Amounts and texts are checked before anything is written: nothing is kept of a
        # dispute refused, and the customer reads why (HTTP 400).
        try:
            with request.env.cr.savepoint():
                statement_sudo._action_customer_dispute(
                    disputed, author=self._statement_author(statement_sudo)
                )
        except UserError as error:
            return self._statement_page(statement_sudo, access_token, error=error.args[0])
        return request.redirect(statement_sudo.get_portal_url(query_string="&message=disputed"))
