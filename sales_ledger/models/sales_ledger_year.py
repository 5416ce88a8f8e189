from odoo import api, fields, models
from odoo.tools import SQL


class SalesLedgerYear(models.Model):
    """The numbering of the monthly sales ledger for one company and year.

    Its row is the lock of the year: whoever generates or locks a month of the year takes
    it first (``NOWAIT``) and updates it, so two transactions never number the same year
    at once. The second one fails with a concurrency error (lock not available, or
    serialization failure when the first committed after its snapshot); Odoo retries the
    request, which then sees the numbers of the first.
    """

    _name = "sales.ledger.year"
    _description = "Sales Ledger Numbering Year"
    _order = "company_id, year desc"
    _rec_name = "year"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    year = fields.Integer(required=True, readonly=True)
    last_number = fields.Integer(
        readonly=True, help="Highest ledger number given in the year (gap-free from 1)."
    )

    _sql_constraints = (
        (
            "company_year_uniq",
            "UNIQUE(company_id, year)",
            "The sales ledger numbering exists once per company and year.",
        ),
    )

    @api.model
    def _ensure(self, company, year):
        """Create the row of ``company`` and ``year`` when missing."""
        self.env.cr.execute(
            SQL(
                """
            INSERT INTO sales_ledger_year (company_id, year, last_number,
                                           create_uid, create_date, write_uid, write_date)
            VALUES (%(company)s, %(year)s, 0,
                    %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC')
            ON CONFLICT (company_id, year) DO NOTHING
                """,
                company=company.id,
                year=year,
                uid=self.env.uid,
            )
        )

    @api.model
    def _lock(self, company, year):
        """Take the lock of ``company`` and ``year`` until the end of the transaction.

        Raises ``psycopg2.errors.LockNotAvailable`` while another transaction holds it and
        ``SerializationFailure`` when another one changed it after this transaction began.
        """
        query = SQL(
            """
            SELECT id FROM sales_ledger_year
             WHERE company_id = %(company)s AND year = %(year)s
               FOR NO KEY UPDATE NOWAIT
            """,
            company=company.id,
            year=year,
        )
        self.env.cr.execute(query)
        if not self.env.cr.rowcount:
            # (an insert first would wait for the transaction that holds the row)
            self._ensure(company, year)
            self.env.cr.execute(query)
        # An update, not only a row lock: a transaction that read the year before this one
        # commits then fails to lock it (serialization failure) instead of numbering from
        # its older snapshot.
        self.env.cr.execute(
            SQL(
                """
            UPDATE sales_ledger_year
               SET write_uid = %(uid)s, write_date = NOW() AT TIME ZONE 'UTC'
             WHERE company_id = %(company)s AND year = %(year)s
                """,
                company=company.id,
                year=year,
                uid=self.env.uid,
            )
        )
        self.invalidate_model()
