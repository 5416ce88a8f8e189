from odoo import fields, models


class ReportArAgingXlsx(models.AbstractModel):
    _name = "report.sales_reconciliation.report_ar_aging_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "AR Aging XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        values = self.env["report.sales_reconciliation.report_ar_aging"]._get_report_values(
            objs.ids, data
        )
        company = values["company"]
        sheet = workbook.add_worksheet(self.env._("AR Aging"))
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        digits = company.currency_id.decimal_places
        money = workbook.add_format({"num_format": "#,##0." + "0" * digits})
        money_bold = workbook.add_format({"num_format": "#,##0." + "0" * digits, "bold": True})
        sheet.write(0, 0, self.env._("AR Aging"), title)
        sheet.write(1, 0, company.name)
        sheet.write(1, 2, self.env._("At %(date)s", date=fields.Date.to_string(values["date_to"])))
        headers = [self.env._("Customer Code"), self.env._("Customer"), self.env._("Salesperson")]
        headers += [label for _key, label in values["buckets"]] + [self.env._("Total")]
        for col, header in enumerate(headers):
            sheet.write(3, col, header, bold)
        row_index = 4
        for row in values["rows"]:
            partner = row["partner"]
            sheet.write(row_index, 0, partner.customer_code or "")
            sheet.write(row_index, 1, partner.name)
            sheet.write(row_index, 2, partner.user_id.name or "")
            for col, (key, _label) in enumerate(values["buckets"], start=3):
                sheet.write_number(row_index, col, row[key], money)
            sheet.write_number(row_index, 3 + len(values["buckets"]), row["total"], money)
            row_index += 1
        sheet.write(row_index, 1, self.env._("Total"), bold)
        for col, (key, _label) in enumerate(values["buckets"], start=3):
            sheet.write_number(row_index, col, values["totals"][key], money_bold)
        sheet.write_number(
            row_index, 3 + len(values["buckets"]), values["totals"]["total"], money_bold
        )
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 36)
        sheet.set_column(2, 2, 16)
        sheet.set_column(3, 3 + len(values["buckets"]), 14)
        sheet.freeze_panes(4, 2)
