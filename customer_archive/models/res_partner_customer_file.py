"""The rules of the customer file on the partner.

Every commercial customer has a code (客户编号) and a dossier (客户档案), however it came
to exist: created in a form, imported (``load()``), created over the API, turned into a
customer by an invoice (``_increase_rank``), or present when the module was installed
(``post_init_hook`` → :meth:`_fill_customer_files`). Codes are drawn from the sequence
per company in one statement, dossiers created in batches.

Master data: one customer per unified social credit code in a company, duplicates found for
the archive administrator, and no trade with a blocked or closed customer unless a trade
release (``customer.trade.release``) is in force."""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)

CUSTOMER_CODE_SEQUENCE = "customer_archive.customer_code"
FILL_BATCH_SIZE = 1000
STOPPED_STATES = ("blocked", "closed")


class ResPartner(models.Model):
    _inherit = "res.partner"
    # Found by the short name (客户简称) and the code as U8 does, in every partner field.
    _rec_names_search = [
        "complete_name",
        "email",
        "ref",
        "vat",
        "company_registry",
        "short_name",
        "customer_code",
    ]

    # 客户总公司: a commercial customer of its own (code, dossier, credit file), not a contact.
    head_office_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        tracking=True,
        domain="[('parent_id', '=', False), ('head_office_id', '=', False), ('id', '!=', id)]",
        help="The customer's head office (客户总公司): the branch stays a customer with its own "
        "code, dossier and credit file; the head office's credit limit covers its branches.",
    )
    branch_ids = fields.One2many("res.partner", "head_office_id", "Branches")
    branch_count = fields.Integer(compute="_compute_branch_count")

    def _compute_branch_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("head_office_id", "in", self.ids)], ["head_office_id"], ["__count"]
            )
        )
        for partner in self:
            partner.branch_count = counts.get(partner, 0)

    @api.constrains("head_office_id", "parent_id", "company_id")
    def _check_head_office(self):
        for partner in self.filtered("head_office_id"):
            head = partner.head_office_id
            if partner.parent_id or head.parent_id or head == partner:
                raise ValidationError(
                    self.env._(
                        "%(branch)s: a head office and its branches are companies of their "
                        "own, not contacts.",
                        branch=partner.display_name,
                    )
                )
            if head.head_office_id or partner.branch_ids:
                raise ValidationError(
                    self.env._(
                        "%(branch)s: a head office has no head office of its own (one level "
                        "of branches).",
                        branch=partner.display_name,
                    )
                )
            if head.company_id and head.company_id != partner.company_id:
                raise ValidationError(
                    self.env._(
                        "%(branch)s and its head office %(head)s belong to different companies.",
                        branch=partner.display_name,
                        head=head.display_name,
                    )
                )

    def _customer_group(self):
        """The head office of the commercial customer ``self`` with all its branches."""
        self.ensure_one()
        head = self.commercial_partner_id.head_office_id or self.commercial_partner_id
        return head | head.branch_ids

    def action_open_branches(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Branches of %s", self.name),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("head_office_id", "=", self.id)],
            "context": {"default_head_office_id": self.id, "default_is_company": True},
        }

    @api.model
    def _customer_file_domain(self):
        """Domain of the commercial customers, which the customer file covers."""
        return [("parent_id", "=", False), ("customer_rank", ">", 0)]

    def _ensure_customer_file(self):
        """Give the commercial customers among ``self`` their code and dossier where
        missing; returns the dossiers opened."""
        customers = (
            self.sudo()
            .with_context(active_test=False)
            .filtered_domain(self._customer_file_domain())
        )
        return customers._open_customer_file()

    def _open_customer_file(self):
        """Code and dossier for ``self`` where missing (as superuser: the file is the
        system's to give, also on customers a salesperson registers)."""
        self.filtered(lambda partner: not partner.customer_code)._assign_customer_codes()
        return self._ensure_archive()

    def _assign_customer_codes(self):
        if not self:
            return
        for company, partners in self.grouped(
            lambda partner: partner.company_id or self.env.company
        ).items():
            codes = self._draw_customer_codes(company, len(partners))
            self.env.execute_query(
                SQL(
                    "UPDATE res_partner SET customer_code = new.code "
                    "FROM (VALUES %s) AS new(id, code) WHERE res_partner.id = new.id",
                    SQL(", ").join(
                        SQL("(%s, %s)", partner.id, code)
                        for partner, code in zip(partners, codes, strict=True)
                    ),
                )
            )
        self.invalidate_recordset(["customer_code"])
        self.modified(["customer_code"])
        self._check_customer_code()

    @api.model
    def _draw_customer_codes(self, company, count):
        """``count`` codes of the customer code sequence of ``company``, in one query for
        a standard sequence."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", CUSTOMER_CODE_SEQUENCE), ("company_id", "in", [company.id, False])],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            raise UserError(self.env._("The sequence of the customer codes is missing."))
        if sequence.implementation == "standard" and not sequence.use_date_range:
            rows = self.env.execute_query(
                SQL(
                    "SELECT nextval(%s) FROM generate_series(1, %s) ORDER BY 1",
                    f"ir_sequence_{sequence.id:03d}",
                    count,
                )
            )
            return [sequence.get_next_char(number) for (number,) in rows]
        return [sequence._next() for _index in range(count)]

    def _increase_rank(self, field, n=1):
        result = super()._increase_rank(field, n=n)
        if field == "customer_rank":
            # A partner invoiced for the first time becomes a customer of the file.
            self._ensure_customer_file()
        return result

    @api.model
    def _fill_customer_files(self, batch_size=FILL_BATCH_SIZE):
        """Code and dossier for every commercial customer without them, in batches (the
        install hook; callable again after a bulk import done in SQL)."""
        partners = self.sudo().with_context(
            active_test=False,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
        )
        ids = partners.search(
            partners._customer_file_domain()
            + ["|", ("customer_code", "=", False), ("archive_ids", "=", False)],
            order="id",
        ).ids
        for batch in split_every(batch_size, ids):
            partners.browse(batch)._open_customer_file()
            partners.env.flush_all()
            partners.env.invalidate_all()
        if ids:
            _logger.info("Customer file: %s customers completed with a code or dossier", len(ids))
        return len(ids)

    # ------------------------------------------------------------------ USCC

    @api.constrains("vat", "company_id", "parent_id", "country_id")
    def _check_unified_social_credit_code_unique(self):
        partners = self.filtered(
            lambda p: p.vat and not p.parent_id and p.is_company and p.country_id.code == "CN"
        )
        if not partners:
            return
        others = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("vat", "in", partners.mapped("vat")),
                    ("parent_id", "=", False),
                    ("is_company", "=", True),
                    ("country_id.code", "=", "CN"),
                ]
            )
        )
        for partner in partners:
            other = others.filtered(
                lambda o, p=partner: o != p and o.vat == p.vat and o.company_id == p.company_id
            )[:1]
            if other:
                raise ValidationError(
                    self.env._(
                        "Unified social credit code %(code)s is already the code of "
                        "%(other)s (%(other_code)s): a customer is filed once.",
                        code=partner.vat,
                        other=other.name,
                        other_code=other.customer_code or "-",
                    )
                )

    # ------------------------------------------------------------------ duplicates

    @api.model
    def _duplicate_customer_ids(self):
        """Commercial customers sharing a name or a unified social credit code with
        another customer of their company."""
        partners = self.sudo()
        domain = partners._customer_file_domain()
        ids = set()
        for key, extra in (("name", []), ("vat", [("vat", "!=", False)])):
            for _company, _value, group_ids in partners._read_group(
                domain + extra, ["company_id", key], ["id:array_agg"], having=[("__count", ">", 1)]
            ):
                ids.update(group_ids)
        return sorted(ids)

    @api.model
    def action_find_duplicate_customers(self):
        """The archive administrator's list of possible duplicates (same name or code)."""
        if not self.env.user.has_group("customer_archive.group_archive_manager"):
            raise AccessError(self.env._("Only archive administrators look for duplicates."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Possible Duplicate Customers"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self._duplicate_customer_ids())],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------ trade stop

    def _trade_stop_message(self, document):
        """Why ``document`` (a label) cannot go through for one of the customers ``self``
        (blocked or closed without a release in force), or ``False``."""
        customers = self.commercial_partner_id.filtered(lambda p: p.archive_state in STOPPED_STATES)
        stopped = customers - self.env["customer.trade.release"]._released_partners(customers)
        if not stopped:
            return False
        customer = stopped[0]
        return self.env._(
            "Customer %(customer)s is %(state)s in the customer file: %(document)s cannot go "
            "through without a trade release approved by the sales manager.",
            customer=customer.display_name,
            state=dict(customer._fields["archive_state"]._description_selection(self.env))[
                customer.archive_state
            ],
            document=document,
        )

    def _check_trade_allowed(self, document):
        message = self._trade_stop_message(document)
        if message:
            raise UserError(message)

    def action_request_trade_release(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Trade Release"),
            "res_model": "customer.trade.release",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
