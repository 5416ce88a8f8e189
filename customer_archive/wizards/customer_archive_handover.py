from collections import Counter, defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CustomerArchiveHandover(models.TransientModel):
    """Hand a leaving salesperson's customers, dossiers and open documents over (离职交接).

    Every module that owns documents with a salesperson adds them to
    :meth:`_handover_targets`; the wizard previews them and reassigns them together, so the
    successor reads and handles them and the leaver no longer does. The customers may be
    split among several successors (:attr:`line_ids`, by default all to :attr:`to_user_id`):
    each customer's documents go to that customer's successor."""

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
    line_ids = fields.One2many(
        "customer.archive.handover.line",
        "wizard_id",
        "Successors",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        help="The successor of each customer; documents without a customer go to the "
        "successor above.",
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

    @api.depends("from_user_id", "partner_ids")
    def _compute_line_ids(self):
        for wizard in self:
            chosen = {line.partner_id: line.user_id for line in wizard.line_ids}
            customers = wizard._handover_customers() if wizard.from_user_id else []
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "partner_id": customer.id,
                        "user_id": (chosen.get(customer) or wizard.to_user_id).id,
                    }
                )
                for customer in customers
            ]

    def _handover_successors(self):
        """``{customer: successor}`` of the customers given another successor."""
        return {line.partner_id: line.user_id for line in self.line_ids if line.user_id}

    def _handover_successor_users(self):
        return self.to_user_id | self.line_ids.user_id

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
        activities = env["mail.activity"].search([("user_id", "=", leaver)])
        if self.partner_ids:
            # only those planned on the chosen customers' documents
            customer_of = self._handover_customer_map(activities)
            activities = activities.filtered(
                lambda activity: (customer_of.get(activity) or customers.browse()) in customers
            )
        targets.append((env._("Activities"), activities, "user_id"))
        return targets

    def _handover_customer_of(self, record):
        """The commercial customer a handed-over document belongs to (activities: see
        :meth:`_handover_customer_map`)."""
        if record._name == "res.partner":
            return record.commercial_partner_id
        if "partner_id" in record._fields:
            return record.partner_id.commercial_partner_id
        if "archive_id" in record._fields:
            return record.archive_id.partner_id
        return record.browse()

    def _handover_customer_map(self, records):
        """``{record: commercial customer}`` for handed-over ``records``; an activity belongs
        to the customer of the document it is planned on."""
        if records._name != "mail.activity":
            return {record: self._handover_customer_of(record) for record in records}
        mapping = {}
        for model, activities in records.grouped("res_model").items():
            if model not in records.env:
                continue
            documents = records.env[model].browse(activities.mapped("res_id")).exists()
            of_document = self._handover_customer_map(documents)
            for activity in activities:
                mapping[activity] = of_document.get(documents.browse(activity.res_id))
        return mapping

    def _handover_sheet_rows(self):
        """Rows of the handover list (交接清单): per customer handed over, its receivable
        balance and its open documents by kind."""
        self.ensure_one()
        rows = {}
        successors = self._handover_successors()
        for customer in self.sudo()._handover_customers():
            rows[customer] = {
                "customer": customer,
                "successor": successors.get(customer, self.to_user_id),
                "receivable": customer.with_company(self.env.company).credit,
                "currency": self.env.company.currency_id,
                "documents": [],
            }
        for label, records, _field in self.sudo()._handover_targets()[1:]:
            customer_of = self._handover_customer_map(records)
            for customer, documents in records.grouped(customer_of.get).items():
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
        successors = self._handover_successor_users()
        if self.from_user_id in successors:
            raise UserError(self.env._("Hand the customers over to another salesperson."))
        if successors.filtered(lambda user: user.share or not user.active):
            raise UserError(self.env._("Successors are active internal users."))
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
        successors = self._handover_successors()
        lines = []
        per_customer = defaultdict(list)
        for label, records, field in targets:
            customer_of = self._handover_customer_map(records)
            for successor, documents in records.grouped(
                lambda record, of=customer_of: successors.get(of.get(record), self.to_user_id)
            ).items():
                documents.write({field: successor.id})
            lines.append((label, len(records)))
            for customer, count in Counter(customer_of.values()).items():
                if customer:
                    per_customer[customer].append((label, count))
        partners = targets[0][1]
        partners._message_log_batch(
            {
                partner.id: Markup("%s%s%s")
                % (
                    self.env._(
                        "Handed over from %(old)s to %(new)s:",
                        old=self.from_user_id.name,
                        new=successors.get(partner, self.to_user_id).name,
                    ),
                    self._handover_lines_html(per_customer[partner]),
                    self.note or "",
                )
                for partner in partners
            }
        )
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
