from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024


class ComplaintPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["customer.complaint"]
            values["complaint_count"] = (
                Complaint.search_count(self._prepare_complaints_domain())
                if Complaint.has_access("read")
                else 0
            )
        if "complaint_to_confirm_count" in counters:
            Complaint = request.env["customer.complaint"]
            values["complaint_to_confirm_count"] = (
                Complaint.search_count(
                    [
                        *self._prepare_complaints_domain(),
                        ("state", "=", "resolved"),
                        ("customer_confirmed", "=", False),
                    ]
                )
                if Complaint.has_access("read")
                else 0
            )
        return values

    def _prepare_complaints_domain(self):
        partner = request.env.user.partner_id
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id)]

    def _get_complaint_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "received_at desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc"},
            "state": {"label": request.env._("Status"), "order": "state, received_at desc"},
        }

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, sortby=None, **kw):
        Complaint = request.env["customer.complaint"]
        values = self._prepare_portal_layout_values()
        sortings = self._get_complaint_searchbar_sortings()
        if sortby not in sortings:
            sortby = "date"
        domain = self._prepare_complaints_domain()
        pager = portal_pager(
            url="/my/complaints",
            url_args={"sortby": sortby},
            total=Complaint.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        complaints = Complaint.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_complaints_history"] = complaints.ids[:100]
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "pager": pager,
                "default_url": "/my/complaints",
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("complaint_tracking.portal_my_complaints", values)

    @http.route(["/my/complaints/<int:complaint_id>"], type="http", auth="public", website=True)
    def portal_my_complaint(self, complaint_id, access_token=None, report_type=None, **kw):
        try:
            complaint_sudo = self._document_check_access(
                "customer.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=complaint_sudo,
                report_type=report_type,
                report_ref="complaint_tracking.action_report_customer_complaint_portal",
                download=kw.get("download") == "true",
            )
        values = self._get_page_view_values(
            complaint_sudo,
            access_token,
            {
                "complaint": complaint_sudo,
                "page_name": "complaint",
                "registered": bool(kw.get("registered")),
            },
            "my_complaints_history",
            False,
            **kw,
        )
        return request.render("complaint_tracking.portal_my_complaint", values)

    @http.route(
        ["/my/complaints/<int:complaint_id>/confirm"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_confirm_complaint(self, complaint_id, access_token=None, **kw):
        """The customer confirms the resolution: the complaint closes the loop."""
        try:
            complaint_sudo = self._document_check_access(
                "customer.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if complaint_sudo.state == "resolved" and not complaint_sudo.customer_confirmed:
            signer = request.env.user.partner_id
            if request.env.user._is_public():
                signer = complaint_sudo.contact_id or complaint_sudo.partner_id
            complaint_sudo.message_post(
                body=request.env._(
                    "The customer confirmed the resolution in the portal (%(via)s).",
                    via=request.env._("through the link sent by e-mail")
                    if request.env.user._is_public()
                    else signer.name,
                ),
                author_id=signer.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            complaint_sudo._confirm_by_customer("portal")
        return request.redirect(complaint_sudo.get_portal_url())

    def _complaint_form_values(self, **kw):
        partner = request.env.user.partner_id.commercial_partner_id
        company = partner.company_id or request.env.company
        return {
            "page_name": "complaint_new",
            "categories": request.env["customer.complaint.category"].search(
                [("company_id", "in", [False, company.id])]
            ),
            "orders": request.env["sale.order"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.id),
                    ("state", "=", "sale"),
                    ("company_id", "=", company.id),
                ],
                limit=50,
            ),
            "invoices": request.env["account.move"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("company_id", "=", company.id),
                ],
                limit=50,
            ),
            "form": kw,
            "error": {},
        }

    def _complaint_files(self):
        """The customer's photos and documents, or an error: at most MAX_FILES files of
        MAX_FILE_SIZE each."""
        files = [file for file in request.httprequest.files.getlist("attachments") if file]
        if len(files) > MAX_FILES:
            return [], request.env._("Attach at most %(count)s files.", count=MAX_FILES)
        contents = []
        for file in files:
            content = file.read()
            if len(content) > MAX_FILE_SIZE:
                return [], request.env._(
                    "%(name)s is larger than %(size)s MB.",
                    name=file.filename,
                    size=MAX_FILE_SIZE // (1024 * 1024),
                )
            contents.append((file.filename, content))
        return contents, None

    @http.route(
        ["/my/complaints/new"], type="http", auth="user", methods=["GET", "POST"], website=True
    )
    def portal_new_complaint(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._complaint_form_values(**kw))
        if request.httprequest.method != "POST":
            return request.render("complaint_tracking.portal_new_complaint", values)
        description = (kw.get("description") or "").strip()
        if not description:
            values["error"]["description"] = request.env._("Please describe what happened.")
        files, files_error = self._complaint_files()
        if files_error:
            values["error"]["attachments"] = files_error
        if values["error"]:
            return request.render("complaint_tracking.portal_new_complaint", values)
        user_partner = request.env.user.partner_id
        partner = user_partner.commercial_partner_id
        category = values["categories"].filtered(lambda c: str(c.id) == kw.get("category_id", ""))
        order = values["orders"].filtered(lambda o: str(o.id) == kw.get("sale_order_id", ""))
        invoice = values["invoices"].filtered(lambda m: str(m.id) == kw.get("invoice_id", ""))
        complaint = (
            request.env["customer.complaint"]
            .sudo()
            .create(
                {
                    "company_id": (partner.company_id or request.env.company).id,
                    "partner_id": partner.id,
                    "contact_id": user_partner.id,
                    "channel": "portal",
                    "category_id": category.id,
                    "sale_order_id": order.id,
                    "invoice_id": invoice.id,
                    "description": description,
                    "customer_demand": (kw.get("customer_demand") or "").strip(),
                }
            )
        )
        if files:
            complaint.message_post(
                body=request.env._("Photos and documents sent with the complaint."),
                author_id=user_partner.id,
                attachments=files,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return request.redirect(complaint.get_portal_url(query_string="&registered=1"))
