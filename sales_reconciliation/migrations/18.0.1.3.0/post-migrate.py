from odoo.tools import SQL


def migrate(cr, version):
    # Credit notes have their own column on the statement lines: they are returns, no
    # longer money received. Same amounts, so the figures and fingerprints stay.
    cr.execute(
        SQL(
            """
            UPDATE sales_statement_line
               SET amount_returns = COALESCE(credit, 0) - COALESCE(debit, 0),
                   credit = 0,
                   debit = 0
             WHERE document_type = 'refund'
            """
        )
    )
