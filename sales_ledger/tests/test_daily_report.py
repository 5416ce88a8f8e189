from datetime import timedelta

from odoo.tests import tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestDailyReportSales(SalesLedgerCommon):
    """The daily report (销售日报) lists the salesperson's quotations and orders of the day."""

    def _rows(self, report):
        return {
            section["title"]: [row[0] for row in section["rows"]]
            for section in report._report_sections()[report]
        }

    def test_quotations_and_orders_of_the_day(self):
        quotation = self._create_order()
        order = self._create_order(partner=self.other_customer)
        order.with_user(self.salesman).action_confirm()
        colleague = self._create_order(user=self.salesman_2)
        colleague.action_confirm()
        Report = self.env["sales.daily.report"]
        report = Report.with_user(self.salesman).create({})
        rows = self._rows(report)
        self.assertEqual(sorted(rows["Quotations"]), sorted([quotation.name, order.name]))
        self.assertEqual(rows["Orders Confirmed"], [order.name])
        report.with_user(self.salesman).action_send()
        self.assertIn(order.name, report.content)
        self.assertIn(quotation.name, report.content)
        self.assertNotIn(colleague.name, report.content)
        self.assertEqual(report.manager_id, self.sales_manager)
        # Another day's report has none of them.
        yesterday = Report.with_user(self.salesman).create(
            {"date": report.date - timedelta(days=1)}
        )
        rows = self._rows(yesterday)
        self.assertEqual((rows["Quotations"], rows["Orders Confirmed"]), ([], []))
