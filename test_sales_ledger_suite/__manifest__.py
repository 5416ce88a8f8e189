{
    "name": "Sales Ledger Suite Tests",
    "summary": "Test-only add-on: cross-module scenarios and suite-level checks",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    # Every add-on of the suite (a test checks this list against the repository).
    "depends": [
        "resource_workday_cn",
        "record_retention",
        "customer_archive",
        "sales_ledger",
        "sales_reconciliation",
        "complaint_tracking",
        "complaint_tracking_sales_ledger",
        "complaint_tracking_stock",
        "sales_ledger_stock",
        "sales_reconciliation_stock",
        "sales_reconciliation_dashboard",
    ],
    "installable": True,
    "auto_install": False,
}
