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
            _("Rescission or Termination Reason"),
            _("Rescission or Termination Date"),
            _("Contract Type"),
            _("Collected Amount"),
            _("Outstanding Amount"),
            _("Written Off Amount"),
        ]
        sheet.set_column(0, 3, 22)
        sheet.set_column(4, 20, 14)
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
            sheet.write_number(row, 19, contract.outstanding_amount, money)
            sheet.write_number(row, 20, contract.written_off_amount, money)
        self._write_changes(workbook, objs, header, date_format, money)
        self._write_disputes(workbook, objs, header, date_format)

    def _selection(self, records, name):
        return dict(records._fields[name]._description_selection(self.env))

    def _write_changes(self, workbook, contracts, header, date_format, money):
        """The change log: date, reason, content, amounts before/after, requester, approver."""
        _ = self.env._
        sheet = workbook.add_worksheet(_("Contract Changes"))
        headers = [
            _("Contract Number"),
            _("Type"),
            _("Change Date"),
            _("Reason"),
            _("Changed Content"),
            _("Amount Before"),
            _("Amount After"),
            _("Requested By"),
            _("Approver"),
            _("Decided On"),
            _("Status"),
        ]
        sheet.set_column(0, 10, 18)
        for col, title in enumerate(headers):
            sheet.write(0, col, title, header)
        changes = contracts.change_ids.sorted(lambda change: (change.contract_id.id, change.date))
        states = self._selection(changes, "state")
        for row, change in enumerate(changes, start=1):
            sheet.write_string(row, 0, change.contract_id.name or "")
            sheet.write_string(row, 1, change._type_label())
            sheet.write_datetime(row, 2, change.date, date_format)
            sheet.write_string(row, 3, change.reason or "")
            sheet.write_string(row, 4, change.content or "")
            sheet.write_number(row, 5, change.amount_before, money)
            sheet.write_number(row, 6, change.amount_after, money)
            sheet.write_string(row, 7, change.requested_by_id.name or "")
            sheet.write_string(row, 8, change.approver_id.name or "")
            if change.approval_date:
                sheet.write_datetime(row, 9, change.approval_date, date_format)
            sheet.write_string(row, 10, states[change.state])

    def _write_disputes(self, workbook, contracts, header, date_format):
        """The disputes: date, subject, cause, handling, result, responsible, status."""
        _ = self.env._
        sheet = workbook.add_worksheet(_("Contract Disputes"))
        headers = [
            _("Contract Number"),
            _("Date"),
            _("Subject"),
            _("Cause"),
            _("Handling"),
            _("Result"),
            _("Responsible"),
            _("Status"),
        ]
        sheet.set_column(0, 7, 18)
        for col, title in enumerate(headers):
            sheet.write(0, col, title, header)
        disputes = contracts.dispute_ids.sorted(
            lambda dispute: (dispute.contract_id.id, dispute.date)
        )
        states = self._selection(disputes, "state")
        for row, dispute in enumerate(disputes, start=1):
            sheet.write_string(row, 0, dispute.contract_id.name or "")
            sheet.write_datetime(row, 1, dispute.date, date_format)
            sheet.write_string(row, 2, dispute.name or "")
            sheet.write_string(row, 3, dispute.cause or "")
            sheet.write_string(row, 4, dispute.handling or "")
            sheet.write_string(row, 5, dispute.result or "")
            sheet.write_string(row, 6, dispute.user_id.name or "")
            sheet.write_string(row, 7, states[dispute.state])
