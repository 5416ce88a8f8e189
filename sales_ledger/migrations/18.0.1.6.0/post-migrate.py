from odoo.tools.sql import column_exists


def migrate(cr, version):
    """The customer, contact, salesperson, region and channel of the ledger lines are their
    documents' now (``sales.ledger.document``, one per invoice and month): create the
    documents from the values the lines were generated with, link the lines, then drop the
    lines' columns with their foreign keys."""
    if not column_exists(cr, "sales_ledger_line", "partner_id"):
        return
    cr.execute(
        """
        CREATE TEMP TABLE ledger_line_document ON COMMIT DROP AS
        SELECT l.id AS line_id, l.period_id, l.company_id, aml.move_id, l.move_name,
               l.partner_id, l.contact_name, l.contact_phone, l.user_id, l.region_id, l.team_id,
               -- lines generated with the same values are one document
               DENSE_RANK() OVER (
                   ORDER BY l.period_id, l.company_id, aml.move_id, l.move_name, l.partner_id,
                            l.contact_name, l.contact_phone, l.user_id, l.region_id, l.team_id
               ) AS rank
          FROM sales_ledger_line l
          LEFT JOIN account_move_line aml ON aml.id = l.move_line_id;
        CREATE TEMP TABLE ledger_document_id ON COMMIT DROP AS
        SELECT rank, nextval('sales_ledger_document_id_seq') AS document_id
          FROM (SELECT DISTINCT rank FROM ledger_line_document) ranks;
        INSERT INTO sales_ledger_document (
            id, period_id, company_id, move_id, move_name, partner_id, contact_name,
            contact_phone, user_id, region_id, team_id)
        SELECT DISTINCT ON (line.rank)
               ids.document_id, line.period_id, line.company_id, line.move_id, line.move_name,
               line.partner_id, line.contact_name, line.contact_phone, line.user_id,
               line.region_id, line.team_id
          FROM ledger_line_document line
          JOIN ledger_document_id ids USING (rank)
         ORDER BY line.rank;
        UPDATE sales_ledger_line l
           SET document_id = ids.document_id
          FROM ledger_line_document line
          JOIN ledger_document_id ids USING (rank)
         WHERE l.id = line.line_id;
        ALTER TABLE sales_ledger_line
            DROP COLUMN partner_id, DROP COLUMN contact_name, DROP COLUMN contact_phone,
            DROP COLUMN user_id, DROP COLUMN region_id, DROP COLUMN team_id;
        DELETE FROM ir_model_constraint
         WHERE name IN ('sales_ledger_line_partner_id_fkey', 'sales_ledger_line_user_id_fkey',
                        'sales_ledger_line_region_id_fkey', 'sales_ledger_line_team_id_fkey');
        """
    )
