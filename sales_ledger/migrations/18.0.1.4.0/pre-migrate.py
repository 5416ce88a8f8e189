from odoo.tools.sql import column_exists


def migrate(cr, version):
    """Ledger lines keep the contact and the unit as printed (``contact_name``,
    ``uom_name``) instead of links: copy them from the old links, in the company's language,
    then drop the old columns and their foreign keys. The company's index gives way to the
    unique index on company, year and number."""
    cr.execute("DROP INDEX IF EXISTS sales_ledger_line__company_id_index")
    if not (
        column_exists(cr, "sales_ledger_line", "contact_id")
        and column_exists(cr, "sales_ledger_line", "uom_id")
    ):
        return
    cr.execute(
        """
        ALTER TABLE sales_ledger_line
            ADD COLUMN IF NOT EXISTS contact_name varchar,
            ADD COLUMN IF NOT EXISTS uom_name varchar;
        UPDATE sales_ledger_line l
           SET contact_name = contact.name,
               uom_name = COALESCE(uom.name ->> COALESCE(company_partner.lang, 'en_US'),
                                   uom.name ->> 'en_US')
          FROM res_company company
          JOIN res_partner company_partner ON company_partner.id = company.partner_id,
               sales_ledger_line old
          LEFT JOIN res_partner contact ON contact.id = old.contact_id
          LEFT JOIN uom_uom uom ON uom.id = old.uom_id
         WHERE old.id = l.id AND company.id = l.company_id;
        ALTER TABLE sales_ledger_line
            DROP COLUMN IF EXISTS contact_id,
            DROP COLUMN IF EXISTS uom_id;
        DELETE FROM ir_model_constraint
         WHERE name IN ('sales_ledger_line_contact_id_fkey', 'sales_ledger_line_uom_id_fkey');
        """
    )
