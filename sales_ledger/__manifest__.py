{
    "name": "Sales Ledger",
    "summary": "Sales contract ledger (销售合同台帐), quotation approval, settlement "
    "methods and the monthly sales ledger (销货台账)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "LGPL-3",
    "depends": ["customer_archive", "sale_management"],
    "data": [
        "security/sales_ledger_security.xml",
        "views/sales_ledger_menus.xml",
    ],
    "installable": True,
}
