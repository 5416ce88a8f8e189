from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CustomerArchiveHandover(models.TransientModel):
    """Hand a leaving salesperson's customers, dossiers and open documents over (离职交接).

    Every module that owns documents with a salesperson adds them to
    :meth:`_handover_targets`; the wizard previews them and reassigns them together, so the
    successor reads and handles them and the leaver no longer does."""

    _name = "customer.archive.handover"
    _description = "Customer Handover"

    from_user_id = fields.Many2one("res.users", "From", required=True)
    to_user_id = fields.Many2one("res.users", "To", required=True, domain=[("share", "=", False)])
    partner_ids = fields.Many2many(
        "res.partner",
        string="Only These Customers",
        domain="[('user_id', '=', from_user_id), ('parent_id', '=', False)]",
        help="Leave empty to hand over everything of the leaver.",
    )
    archive_user = fields.Boolean(
        "Archive the Leaver", help="Deactivate the leaver's user once everything is handed over."
    )
    note = fields.Text()
    partner_count = fields.Integer("Customers", compute="_compute_preview")
    preview = fields.Html(compute="_compute_preview", sanitize=False)

    @api.depends("from_user_id", "partner_ids")
    def _compute_preview(self):
        for wizard in self:
            if not wizard.from_user_id:
                wizard.partner_count = 0
                wizard.preview = False
                continue
            # The count of what the manager hands over, also of documents he does not read.
            targets = wizard.sudo()._handover_targets()
            lines = [(label, len(records)) for label, records, _field in targets]
            wizard.partner_count = len(wizard._handover_customers())
            wizard.preview = wizard._handover_lines_html(lines)

    def _handover_lines_html(self, lines):
        return Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s: %s</li>") % line for line in lines
        )

    def _handover_customers(self):
        """The customers handed over: those chosen, or all of the leaver's."""
        partners = self.env["res.partner"].with_context(active_test=False)
        if self.partner_ids:
            return self.partner_ids.filtered(lambda p: p.user_id == self.from_user_id)
        return partners.search([("user_id", "=", self.from_user_id.id), ("parent_id", "=", False)])

    def _handover_scope(self, path="partner_id"):
        """Domain of the documents of the customers handed over, reached by ``path``; none
        when everything of the leaver is handed over."""
        if not self.partner_ids:
            return []
        return [(f"{path}.commercial_partner_id", "in", self._handover_customers().ids)]

    def _handover_targets(self):
        """Hook: what is handed over, as ``[(label, records, salesperson field)]``.

        Modules that own documents with a salesperson extend it with their open documents
        of the leaver, restricted with :meth:`_handover_scope`."""
        leaver = self.from_user_id.id
        env = self.env
        customers = self._handover_customers()
        contacts = (
            env["res.partner"]
            .with_context(active_test=False)
            .search(
                [
                    ("user_id", "=", leaver),
                    ("parent_id", "!=", False),
                    ("commercial_partner_id", "in", customers.ids),
                ]
            )
        )
        targets = [
            (env._("Customers and their dossiers"), customers, "user_id"),
            (env._("Contacts of these customers"), contacts, "user_id"),
            (
                env._("Leads and opportunities"),
                env["crm.lead"].search(
                    [("user_id", "=", leaver), ("probability", "<", 100)] + self._handover_scope()
                ),
                "user_id",
            ),
            (
                env._("Loans of originals"),
                env["customer.archive.loan"].search(
                    [("user_id", "=", leaver), ("state", "in", ("draft", "submitted", "lent"))]
                    + self._handover_scope("archive_id.partner_id")
                ),
                "user_id",
            ),
            (
                env._("Access requests not yet submitted"),
                env["customer.archive.access.request"].search(
                    [("user_id", "=", leaver), ("state", "=", "draft")]
                    + self._handover_scope("archive_id.partner_id")
                ),
                "user_id",
            ),
        ]
        if not self.partner_ids:
            targets.append(
                (
                    env._("Activities"),
                    env["mail.activity"].search([("user_id", "=", leaver)]),
                    "user_id",
                )
            )
        return targets

    def _handover_customer_of(self, record):
        """The commercial customer a handed-over document belongs to (none for activities)."""
        if record._name == "res.partner":
            return record.commercial_partner_id
        if "partner_id" in record._fields:
            return record.partner_id.commercial_partner_id
        if "archive_id" in record._fields:
            return record.archive_id.partner_id
        return record.browse()

    def _handover_sheet_rows(self):
        """Rows of the handover list (交接清单): per customer handed over, its receivable
        balance and its open documents by kind."""
        self.ensure_one()
        rows = {}
        for customer in self.sudo()._handover_customers():
            rows[customer] = {
                "customer": customer,
                "receivable": customer.with_company(self.env.company).credit,
                "currency": self.env.company.currency_id,
                "documents": [],
            }
        for label, records, _field in self.sudo()._handover_targets()[1:]:
            for customer, documents in records.grouped(self._handover_customer_of).items():
                if customer in rows:
                    names = ", ".join(documents.mapped("display_name"))
                    rows[customer]["documents"].append((label, names))
        return list(rows.values())

    def action_print_list(self):
        self.ensure_one()
        self._check_handover()
        return self.env.ref("customer_archive.customer_archive_handover_report").report_action(self)

    def _check_handover(self):
        if not self.env["res.partner"]._archive_approvers():
            raise UserError(self.env._("Only sales managers hand customers over."))
        if self.from_user_id == self.to_user_id:
            raise UserError(self.env._("Hand the customers over to another salesperson."))
        if self.archive_user and (
            self.from_user_id == self.env.user or self.from_user_id.has_group("base.group_system")
        ):
            raise UserError(
                self.env._("The handover archives neither yourself nor an administrator.")
            )

    def action_handover(self):
        self.ensure_one()
        self._check_handover()
        # The handover is the sales manager's decision: it moves documents he may not edit
        # himself (loans, statements), outside of their own workflows.
        targets = self.sudo()._handover_targets()
        lines = []
        for label, records, field in targets:
            records.write({field: self.to_user_id.id})
            lines.append((label, len(records)))
        partners = targets[0][1]
        body = Markup("%s%s%s") % (
            self.env._(
                "Handed over from %(old)s to %(new)s:",
                old=self.from_user_id.name,
                new=self.to_user_id.name,
            ),
            self._handover_lines_html(lines),
            self.note or "",
        )
        partners._message_log_batch({partner.id: body for partner in partners})
        if self.archive_user:
            self.from_user_id.sudo().action_archive()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": "; ".join(f"{label}: {count}" for label, count in lines),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
