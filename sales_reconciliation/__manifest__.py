{
    "name": "Sales Reconciliation",
    "summary": "Customer statements (对账单) confirmed or disputed in the portal, "
    "AR aging, credit policy and reconciliation KPIs",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "LGPL-3",
    "depends": ["sales_ledger", "portal"],
    "data": [
        "views/sales_reconciliation_menus.xml",
    ],
    "installable": True,
}
