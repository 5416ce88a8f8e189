from odoo import models
from odoo.tools import SQL

BATCH = 5000


class SalesLedgerPeriodXlsx(models.AbstractModel):
    _name = "report.sales_ledger.report_sales_ledger_period_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Sales Ledger XLSX"

    def get_workbook_options(self):
        # rows are streamed to temporary files: memory stays flat for 50,000+ lines
        return {"constant_memory": True}

    def _iter_rows(self, period):
        """Yield the period's lines in ledger order, read in keyset-paginated batches."""
        lang = self.env.lang or "en_US"
        last = (-1, 0)
        while True:
            rows = self.env.execute_query(
                SQL(
                    """
                SELECT l.ledger_number, l.id, l.date, am.name, rp.name, up.name,
                       COALESCE(pp.default_code, ''),
                       COALESCE(pt.name ->> %(lang)s, pt.name ->> 'en_US'), l.name,
                       l.quantity, COALESCE(uom.name ->> %(lang)s, uom.name ->> 'en_US'),
                       l.price_unit, l.amount_untaxed, l.amount_tax, l.amount_total,
                       so.name, sc.name, l.is_late_entry
                  FROM sales_ledger_line l
                  LEFT JOIN account_move am ON am.id = l.move_id
                  LEFT JOIN res_partner rp ON rp.id = l.partner_id
                  LEFT JOIN res_users ru ON ru.id = l.user_id
                  LEFT JOIN res_partner up ON up.id = ru.partner_id
                  LEFT JOIN product_product pp ON pp.id = l.product_id
                  LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  LEFT JOIN uom_uom uom ON uom.id = l.uom_id
                  LEFT JOIN sale_order so ON so.id = l.sale_order_id
                  LEFT JOIN sales_contract sc ON sc.id = l.contract_id
                 WHERE l.period_id = %(period)s
                   AND (COALESCE(l.ledger_number, 0), l.id) > (%(number)s, %(id)s)
                 ORDER BY COALESCE(l.ledger_number, 0), l.id
                 LIMIT %(limit)s
                    """,
                    lang=lang,
                    period=period.id,
                    number=last[0],
                    id=last[1],
                    limit=BATCH,
                )
            )
            if not rows:
                return
            yield from rows
            last = (rows[-1][0] or 0, rows[-1][1])

    def generate_xlsx_report(self, workbook, data, objs):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            _("Ledger No."),
            _("Date"),
            _("Invoice"),
            _("Customer"),
            _("Salesperson"),
            _("Internal Reference"),
            _("Product"),
            _("Specification"),
            _("Quantity"),
            _("Unit"),
            _("Unit Price"),
            _("Untaxed Amount"),
            _("Tax"),
            _("Total"),
            _("Sales Order"),
            _("Contract"),
            _("Late Entry"),
        ]
        for period in objs:
            period.check_access("read")
            sheet = workbook.add_worksheet(period.name)
            sheet.write(0, 0, _("Sales Ledger %s", period.name), bold)
            sheet.write(0, 3, period.company_id.name, bold)
            sheet.write(
                0,
                6,
                dict(period._fields["state"]._description_selection(self.env))[period.state],
            )
            sheet.set_column(0, 1, 12)
            sheet.set_column(2, 7, 22)
            sheet.set_column(8, 13, 14)
            sheet.set_column(14, 16, 16)
            for col, title in enumerate(headers):
                sheet.write(2, col, title, header)
            row = 3
            totals = [0.0, 0.0, 0.0]
            for values in self._iter_rows(period):
                (
                    number,
                    _id,
                    date,
                    move,
                    customer,
                    user,
                    code,
                    product,
                    spec,
                    qty,
                    uom,
                    price,
                    untaxed,
                    tax,
                    total,
                    order,
                    contract,
                    late,
                ) = values
                sheet.write_number(row, 0, number or 0)
                if date:
                    sheet.write_datetime(row, 1, date, date_format)
                sheet.write_string(row, 2, move or "")
                sheet.write_string(row, 3, customer or "")
                sheet.write_string(row, 4, user or "")
                sheet.write_string(row, 5, code)
                sheet.write_string(row, 6, product or "")
                sheet.write_string(row, 7, spec or "")
                sheet.write_number(row, 8, qty or 0.0)
                sheet.write_string(row, 9, uom or "")
                sheet.write_number(row, 10, price or 0.0, money)
                sheet.write_number(row, 11, untaxed or 0.0, money)
                sheet.write_number(row, 12, tax or 0.0, money)
                sheet.write_number(row, 13, total or 0.0, money)
                sheet.write_string(row, 14, order or "")
                sheet.write_string(row, 15, contract or "")
                sheet.write_string(row, 16, _("Yes") if late else "")
                totals[0] += untaxed or 0.0
                totals[1] += tax or 0.0
                totals[2] += total or 0.0
                row += 1
            sheet.write(row, 0, _("Total"), bold)
            for offset, amount in enumerate(totals):
                sheet.write_number(row, 11 + offset, amount, money)
