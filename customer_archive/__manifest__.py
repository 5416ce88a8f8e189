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
        # Record retention and destruction engine (issue 4)
        "security/ir.model.access.csv",
        "security/archive_retention_rules.xml",
        "data/archive_retention_data.xml",
        "report/archive_destruction_certificate_report.xml",
        "report/archive_destruction_certificate_templates.xml",
        "views/archive_retention_policy_views.xml",
        "views/archive_legal_hold_views.xml",
        "views/archive_destruction_request_views.xml",
        "views/archive_destruction_log_views.xml",
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
