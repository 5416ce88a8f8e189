{
    "name": "Sales Ledger - Stock",
    "summary": "Lot/serial numbers and delivery notes on the monthly sales ledger (销货台账)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["sales_ledger", "sale_stock"],
    "data": [
        "views/sales_ledger_line_views.xml",
        "report/sales_ledger_reports.xml",
    ],
    "auto_install": True,
    "installable": True,
}
