import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.sales_ledger.tests.common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestStockColumns(SalesLedgerCommon):
    """With stock, each monthly ledger line names the lots/serial numbers (批次) and the
    delivery notes of what it invoices, in the ledger, its PDF and its XLSX."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.write({"is_storable": True, "tracking": "lot"})
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.lot_a, cls.lot_b = cls.env["stock.lot"].create(
            [
                {"name": "LOT-2025-A", "product_id": cls.product.id},
                {"name": "LOT-2025-B", "product_id": cls.product.id},
            ]
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.product, warehouse.lot_stock_id, 2, lot_id=cls.lot_a)
        Quant._update_available_quantity(cls.product, warehouse.lot_stock_id, 1, lot_id=cls.lot_b)
        cls.period = cls.env["sales.ledger.period"].create({"date_from": "2025-01-01"})
        order = cls._create_order(qty=3)
        order.action_confirm()
        cls.picking = order.picking_ids
        cls.picking.action_assign()
        cls.picking.move_ids.picked = True
        cls.picking.button_validate()
        invoice = order._create_invoices()
        invoice.invoice_date = "2025-01-15"
        invoice.action_post()
        # an invoice without an order: no delivery
        cls.unshipped = cls._invoice("2025-01-20")
        cls.period.action_generate_lines()

    def test_lines_name_lots_and_delivery_notes(self):
        self.assertEqual(self.picking.state, "done")
        delivered = self.period.line_ids.filtered(lambda line: line.sale_order_id)
        self.assertEqual(delivered.lot_names, "LOT-2025-A, LOT-2025-B")
        self.assertEqual(delivered.picking_names, self.picking.name)
        unshipped = self.period.line_ids - delivered
        self.assertEqual(unshipped.move_id, self.unshipped)
        self.assertFalse(unshipped.lot_names)
        self.assertFalse(unshipped.picking_names)

    def test_ledger_book_and_xlsx_show_them(self):
        report = self.env.ref("sales_ledger.action_report_sales_ledger_period")
        html = report._render_qweb_html(report.report_name, self.period.ids)[0].decode()
        self.assertIn("LOT-2025-A, LOT-2025-B", html)
        self.assertIn(self.picking.name, html)
        # The book prints in the company's language (English or Chinese, as installed).
        self.assertTrue("Delivery Notes" in html or "送货单" in html)
        report = self.env.ref("sales_ledger.action_report_sales_ledger_period_xlsx")
        content, _fmt = report._render(report.report_name, self.period.ids)
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        headers = list(next(sheet.iter_rows(min_row=3, max_row=3, values_only=True)))
        lots, pickings, late = (
            headers.index("Lot/Serial Numbers"),
            headers.index("Delivery Notes"),
            headers.index("Late Entry"),
        )
        self.assertEqual((lots, pickings, late), (20, 21, 22))
        first = next(sheet.iter_rows(min_row=4, max_row=4, values_only=True))
        self.assertEqual(first[lots], "LOT-2025-A, LOT-2025-B")
        self.assertEqual(first[pickings], self.picking.name)
        self.assertFalse(first[late])
