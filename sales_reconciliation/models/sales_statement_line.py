from odoo import api, fields, models
from odoo.tools import SQL

# Columns written by _insert_bulk() with their PostgreSQL types.
BULK_COLUMNS = (
    ("sequence", "int4"),
    ("move_line_id", "int4"),
    ("move_id", "int4"),
    ("date", "date"),
    ("document", "varchar"),
    ("document_type", "varchar"),
    ("order_ref", "varchar"),
    ("description", "varchar"),
    ("quantity", "numeric"),
    ("debit", "numeric"),
    ("credit", "numeric"),
    ("running_balance", "numeric"),
    ("outstanding", "numeric"),
    ("date_maturity", "date"),
    ("days_overdue", "int4"),
    ("foreign_currency_id", "int4"),
    ("amount_currency", "numeric"),
)


class SalesStatementLine(models.Model):
    _name = "sales.statement.line"
    _description = "Customer Statement Line"
    _order = "statement_id, sequence, id"

    statement_id = fields.Many2one("sales.statement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    sequence = fields.Integer(default=10)
    move_line_id = fields.Many2one("account.move.line", "Journal Item", index="btree_not_null")
    move_id = fields.Many2one("account.move", "Journal Entry")
    date = fields.Date(required=True)
    document = fields.Char()
    document_type = fields.Selection(
        [
            ("invoice", "Invoice"),
            ("refund", "Credit Note"),
            ("payment", "Payment"),
            ("other", "Other"),
        ],
        "Type",
    )
    order_ref = fields.Char("Order Reference")
    description = fields.Char()
    quantity = fields.Float(digits="Product Unit of Measure")
    debit = fields.Monetary("Amount", help="Amount invoiced (debit).")
    credit = fields.Monetary("Received", help="Amount received or credited (credit).")
    running_balance = fields.Monetary("Balance")
    outstanding = fields.Monetary(help="Part of this item still open at the end of the period.")
    date_maturity = fields.Date("Due Date")
    days_overdue = fields.Integer()
    foreign_currency_id = fields.Many2one("res.currency", "Document Currency")
    amount_currency = fields.Monetary(
        "Amount in Document Currency", currency_field="foreign_currency_id"
    )

    @api.model
    def _insert_bulk(self, lines_by_statement):
        """Insert the lines of many statements in one query.

        Statement lines are plain copies of figures computed in SQL; at a thousand
        statements the ORM's per-record ``create`` would cost more than computing them.

        :param lines_by_statement: list of (``sales.statement`` record, [line values])
        """
        rows = [
            (statement.id, statement.company_id.id, *(line[name] for name, _type in BULK_COLUMNS))
            for statement, lines in lines_by_statement
            for line in lines
        ]
        if not rows:
            return
        columns = [("statement_id", "int4"), ("company_id", "int4"), *BULK_COLUMNS]
        arrays = [
            SQL(
                "%s::%s[]",
                [None if row[index] is False else row[index] for row in rows],
                SQL(sql_type),
            )
            for index, (_name, sql_type) in enumerate(columns)
        ]
        uid = self.env.uid
        self.env.execute_query(
            SQL(
                """
                INSERT INTO sales_statement_line
                       (%(names)s, create_uid, write_uid, create_date, write_date)
                SELECT *, %(uid)s, %(uid)s, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
                  FROM unnest(%(arrays)s)
                """,
                names=SQL(", ").join(SQL.identifier(name) for name, _type in columns),
                uid=uid,
                arrays=SQL(", ").join(arrays),
            )
        )
        statements = self.env["sales.statement"].concat(
            *(statement for statement, _lines in lines_by_statement)
        )
        statements.invalidate_recordset(["line_ids"])
