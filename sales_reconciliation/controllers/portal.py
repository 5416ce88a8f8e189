import binascii

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
        user = request.env.user
        return statement_sudo.partner_id if user._is_public() else user.partner_id

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
        values = {
            "statement": statement_sudo,
            "page_name": "statement",
            "message": message,
            "report_type": "html",
            "res_company": statement_sudo.company_id,
        }
        values = self._get_page_view_values(
            statement_sudo, access_token, values, "my_statements_history", False
        )
        return request.render("sales_reconciliation.portal_statement_page", values)

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
        try:
            statement_sudo._action_customer_confirm(
                name, signature, author=self._statement_author(statement_sudo)
            )
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        except UserError as error:
            return {"error": str(error)}
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
            try:
                their_amount = float(post.get(prefix + "their_amount") or 0.0)
            except ValueError:
                their_amount = 0.0
            disputed.append(
                {
                    "statement_line_id": line.id,
                    "their_amount": their_amount,
                    "reason": post.get(prefix + "reason") or "",
                }
            )
        if post.get("other_document"):
            try:
                their_amount = float(post.get("other_their_amount") or 0.0)
            except ValueError:
                their_amount = 0.0
            disputed.append(
                {
                    "document": post["other_document"],
                    "our_amount": 0.0,
                    "their_amount": their_amount,
                    "reason": post.get("other_reason") or "",
                }
            )
        if not disputed:
            return request.redirect(statement_sudo.get_portal_url(query_string="&message=no_line"))
        statement_sudo._action_customer_dispute(
            disputed, author=self._statement_author(statement_sudo)
        )
        return request.redirect(statement_sudo.get_portal_url(query_string="&message=disputed"))
