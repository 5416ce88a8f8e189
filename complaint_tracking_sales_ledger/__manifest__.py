{
    "name": "Complaint Tracking - Sales Ledger",
    "summary": "Link customer complaints to their sales contracts (销售合同)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["complaint_tracking", "sales_ledger"],
    "data": [
        "security/ir.model.access.csv",
        "security/complaint_link_rules.xml",
        "views/customer_complaint_views.xml",
        "views/sales_contract_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
