{
    "name": "Sales Reconciliation - Dashboard",
    "summary": "Reconciliation dashboard (对账看板): completion and accuracy per salesperson "
    "and month, statements waiting, disputes open, overdue replies",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["sales_reconciliation", "spreadsheet_dashboard"],
    "data": ["data/spreadsheet_dashboard_data.xml"],
    "auto_install": True,
    "installable": True,
}
