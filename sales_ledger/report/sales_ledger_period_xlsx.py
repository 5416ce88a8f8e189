from odoo import models
from odoo.tools import SQL

BATCH = 5000
# columns of the sheet (see _headers)
QUANTITY_COL = 12
PRICE_COL = 14
AMOUNT_COL = 15


class SalesLedgerPeriodXlsx(models.AbstractModel):
    _name = "report.sales_ledger.report_sales_ledger_period_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Sales Ledger XLSX"

    def get_workbook_options(self):
        # rows are streamed to temporary files: memory stays flat for 50,000+ lines
        return {"constant_memory": True}

    def _extra_columns(self):
        """[(header, SQL expression over the line ``l``)] printed after the contract: the
        columns an add-on adds to the ledger (lots and delivery notes with stock)."""
        return []

    def _iter_rows(self, period):
        """Yield the period's lines in ledger order, read in keyset-paginated batches: the
        ids of a batch first (narrow rows), then the names of those lines only."""
        lang = self.env.lang or "en_US"
        extra = SQL("").join(
            SQL(", %s", expression) for _header, expression in self._extra_columns()
        )
        last = (-1, 0)
        while True:
            ids = [
                id_
                for (id_,) in self.env.execute_query(
                    SQL(
                        """
                SELECT id
                  FROM sales_ledger_line
                 WHERE period_id = %(period)s
                   AND (COALESCE(ledger_number, 0), id) > (%(number)s, %(id)s)
                 ORDER BY COALESCE(ledger_number, 0), id
                 LIMIT %(limit)s
                        """,
                        period=period.id,
                        number=last[0],
                        id=last[1],
                        limit=BATCH,
                    )
                )
            ]
            if not ids:
                return
            rows = self.env.execute_query(
                SQL(
                    """
                SELECT l.ledger_number, l.id, l.date, l.move_name, rp.name, d.contact_name,
                       d.contact_phone, up.name,
                       COALESCE(region.name ->> %(lang)s, region.name ->> 'en_US'),
                       COALESCE(team.name ->> %(lang)s, team.name ->> 'en_US'),
                       l.product_code,
                       COALESCE(pt.name ->> %(lang)s, pt.name ->> 'en_US'), l.specification,
                       l.quantity, l.uom_name,
                       l.price_unit, l.amount_untaxed, l.amount_tax, l.amount_total,
                       so.name, sc.name%(extra)s, l.is_late_entry
                  FROM sales_ledger_line l
                  JOIN sales_ledger_document d ON d.id = l.document_id
                  LEFT JOIN res_partner rp ON rp.id = d.partner_id
                  LEFT JOIN sales_region region ON region.id = d.region_id
                  LEFT JOIN crm_team team ON team.id = d.team_id
                  LEFT JOIN res_users ru ON ru.id = d.user_id
                  LEFT JOIN res_partner up ON up.id = ru.partner_id
                  LEFT JOIN product_product pp ON pp.id = l.product_id
                  LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  LEFT JOIN sale_order so ON so.id = l.sale_order_id
                  LEFT JOIN sales_contract sc ON sc.id = l.contract_id
                 WHERE l.id = ANY(%(ids)s)
                 ORDER BY COALESCE(l.ledger_number, 0), l.id
                    """,
                    lang=lang,
                    extra=extra,
                    ids=ids,
                )
            )
            yield from rows
            last = (rows[-1][0] or 0, rows[-1][1])

    def _headers(self):
        _ = self.env._
        return [
            _("Ledger No."),
            _("Date"),
            _("Invoice"),
            _("Customer"),
            _("Contact"),
            _("Phone"),
            _("Salesperson"),
            _("Sales Region"),
            _("Sales Channel"),
            _("Product Code"),
            _("Product"),
            _("Specification / Model"),
            _("Quantity"),
            _("Unit"),
            _("Unit Price"),
            _("Untaxed Amount"),
            _("Tax"),
            _("Total"),
            _("Sales Order"),
            _("Contract"),
            *(header for header, _expression in self._extra_columns()),
            _("Late Entry"),
        ]

    def _formats(self, workbook):
        return {
            "bold": workbook.add_format({"bold": True}),
            "italic": workbook.add_format({"italic": True}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "money_italic": workbook.add_format({"num_format": "#,##0.00", "italic": True}),
            "money_bold": workbook.add_format({"num_format": "#,##0.00", "bold": True}),
        }

    def _write_amounts(self, sheet, row, amounts, cell_format):
        for offset, amount in enumerate(amounts):
            sheet.write_number(row, AMOUNT_COL + offset, amount or 0.0, cell_format)

    def _cell_writers(self, sheet, formats):
        """[(column, write method, format, is a number)] of the cells of a line after its
        date, built once for all the lines."""
        number, text = sheet.write_number, sheet.write_string
        writers = []
        for col in range(2, len(self._headers()) - 1):
            if col == QUANTITY_COL:
                writers.append((col, number, None, True))
            elif PRICE_COL <= col < AMOUNT_COL + 3:
                writers.append((col, number, formats["money"], True))
            else:
                writers.append((col, text, None, False))
        return writers

    def _write_line(self, sheet, row, cells, late_text, formats, writers):
        """``cells``: the row of ``_iter_rows`` without the line id and the late flag;
        ``writers``: see ``_cell_writers``. Numbers are always written, empty texts left
        out."""
        sheet.write_number(row, 0, cells[0] or 0)
        if cells[1]:
            sheet.write_datetime(row, 1, cells[1], formats["date"])
        for col, write, cell_format, is_number in writers:
            value = cells[col]
            if is_number:
                write(row, col, value or 0.0, cell_format)
            elif value:
                write(row, col, value, cell_format)
        if late_text:
            sheet.write_string(row, len(cells), late_text)

    def _write_subtotal(self, sheet, row, group, amounts, formats):
        _ = self.env._
        label = (
            _("Subtotal of the late entries")
            if group is False
            else _("Subtotal of the day %s", group.isoformat())
        )
        sheet.write_string(row, 0, label, formats["italic"])
        self._write_amounts(sheet, row, amounts, formats["money_italic"])

    def _write_summary(self, sheet, row, period, formats):
        """The period's amounts per sales region and per sales channel, from ``row``."""
        _ = self.env._
        book = self.env["report.sales_ledger.report_sales_ledger_period"]
        for title, field in ((_("Sales Region"), "region_id"), (_("Sales Channel"), "team_id")):
            sheet.write(row, 0, title, formats["header"])
            for offset, name in enumerate((_("Untaxed Amount"), _("Tax"), _("Total"))):
                sheet.write(row, AMOUNT_COL + offset, name, formats["header"])
            row += 1
            for record, *amounts in book._summary(period, field):
                sheet.write_string(row, 0, record.display_name or _("Undefined"))
                self._write_amounts(sheet, row, amounts, formats["money"])
                row += 1
            row += 1
        return row

    def _write_period(self, workbook, period, formats):
        _ = self.env._
        sheet = workbook.add_worksheet(period.name)
        sheet.write(0, 0, _("Sales Ledger %s", period.name), formats["bold"])
        sheet.write(0, 3, period.company_id.name, formats["bold"])
        state = dict(period._fields["state"]._description_selection(self.env))[period.state]
        sheet.write(0, 6, state)
        sheet.set_column(0, 1, 12)
        sheet.set_column(2, 11, 18)
        sheet.set_column(12, 17, 14)
        sheet.set_column(18, 20 + len(self._extra_columns()), 16)
        for col, title in enumerate(self._headers()):
            sheet.write(2, col, title, formats["header"])
        row = 3
        totals = [0.0, 0.0, 0.0]
        subtotal = [0.0, 0.0, 0.0]
        group = None
        writers = self._cell_writers(sheet, formats)
        late_text = _("Yes")
        for values in self._iter_rows(period):
            *cells, late = values[:1] + values[2:]
            # one group per day, the late entries (numbered after the month) apart
            key = not late and cells[1]
            if group is not None and key != group:
                self._write_subtotal(sheet, row, group, subtotal, formats)
                row += 1
                subtotal = [0.0, 0.0, 0.0]
            group = key
            self._write_line(sheet, row, cells, late and late_text, formats, writers)
            for offset in range(3):
                subtotal[offset] += cells[AMOUNT_COL + offset] or 0.0
                totals[offset] += cells[AMOUNT_COL + offset] or 0.0
            row += 1
        if group is not None:
            self._write_subtotal(sheet, row, group, subtotal, formats)
            row += 1
        sheet.write(row, 0, _("Total of the month"), formats["bold"])
        self._write_amounts(sheet, row, totals, formats["money_bold"])
        self._write_summary(sheet, row + 2, period, formats)

    def generate_xlsx_report(self, workbook, data, objs):
        formats = self._formats(workbook)
        for period in objs:
            period.check_access("read")
            self._write_period(workbook, period, formats)
