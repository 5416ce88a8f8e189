from odoo import SUPERUSER_ID, Command, api
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
    # The statement template attaches the statement PDF in the mail composer; it is
    # noupdate data, completed here unless someone gave it reports already.
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref("sales_reconciliation.mail_template_sales_statement", False)
    report = env.ref("sales_reconciliation.sales_statement_report_action", False)
    if template and report and not template.report_template_ids:
        template.report_template_ids = [Command.link(report.id)]
