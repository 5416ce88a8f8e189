from odoo import models


class SalesContractXlsx(models.AbstractModel):
    _name = "report.sales_ledger.report_sales_contract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Contract Ledger XLSX"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, objs):
        _ = self.env._
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        money = workbook.add_format({"num_format": "#,##0.00"})
        sheet = workbook.add_worksheet(_("Contract Ledger"))
        headers = [
            _("Contract Number"),
            _("Title"),
            _("Customer"),
            _("Salesperson"),
            _("Signing Date"),
            _("Start Date"),
            _("End Date"),
            _("Currency"),
            _("Contract Amount"),
            _("Delivered Amount"),
            _("Invoiced Amount"),
            _("Performance"),
            _("Status"),
            _("Changes"),
            _("Disputes"),
            _("Termination Reason"),
            _("Termination Date"),
            _("Contract Type"),
            _("Collected Amount"),
        ]
        sheet.set_column(0, 3, 22)
        sheet.set_column(4, 18, 14)
        for col, title in enumerate(headers):
            sheet.write(0, col, title, header)
        states = dict(objs._fields["state"]._description_selection(self.env))
        performances = dict(objs._fields["performance_status"]._description_selection(self.env))
        for row, contract in enumerate(objs, start=1):
            sheet.write_string(row, 0, contract.name)
            sheet.write_string(row, 1, contract.title or "")
            sheet.write_string(row, 2, contract.partner_id.display_name or "")
            sheet.write_string(row, 3, contract.user_id.name or "")
            for col, date in (
                (4, contract.date_signed),
                (5, contract.date_start),
                (6, contract.date_end),
            ):
                if date:
                    sheet.write_datetime(row, col, date, date_format)
            sheet.write_string(row, 7, contract.currency_id.name)
            sheet.write_number(row, 8, contract.amount, money)
            sheet.write_number(row, 9, contract.delivered_amount, money)
            sheet.write_number(row, 10, contract.invoiced_amount, money)
            sheet.write_string(row, 11, performances.get(contract.performance_status, ""))
            sheet.write_string(row, 12, states[contract.state])
            sheet.write_number(row, 13, len(contract.change_ids))
            sheet.write_number(row, 14, len(contract.dispute_ids))
            sheet.write_string(row, 15, contract.termination_reason or "")
            if contract.termination_date:
                sheet.write_datetime(row, 16, contract.termination_date, date_format)
            sheet.write_string(row, 17, contract.type_id.name or "")
            sheet.write_number(row, 18, contract.collected_amount, money)
