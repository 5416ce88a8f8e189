"""Every commercial customer has a code (客户编号) and a dossier (客户档案), however it came
to exist: created in a form, imported (``load()``), created over the API, turned into a
customer by an invoice (``_increase_rank``), or present when the module was installed
(``post_init_hook`` → :meth:`_fill_customer_files`). Codes are drawn from the sequence
per company in one statement, dossiers created in batches."""

import logging

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)

CUSTOMER_CODE_SEQUENCE = "customer_archive.customer_code"
FILL_BATCH_SIZE = 1000


class ResPartner(models.Model):
    _inherit = "res.partner"

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
