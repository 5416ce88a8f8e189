{
    "name": "Customer Archive",
    "summary": "Customer file (客户档案): A/B/C credit grades, categories, dossiers, "
    "approvals, confidentiality, record retention",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "LGPL-3",
    "depends": ["crm", "account", "mail"],
    "data": [
        "security/customer_archive_security.xml",
        "views/res_partner_views.xml",
        "views/customer_archive_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_archive/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
