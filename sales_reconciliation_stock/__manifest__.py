{
    "name": "Sales Reconciliation - Stock",
    "summary": "Credit hold at delivery: a blocked customer's delivery is validated only "
    "under an approved credit override",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["sales_reconciliation", "sale_stock"],
    "auto_install": True,
    "installable": True,
}
