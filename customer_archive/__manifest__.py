{
    "name": "Customer Archive",
    "summary": "Customer file (客户档案): A/B/C credit grades, categories, dossiers, "
    "approvals, confidentiality, record retention",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["crm", "account", "mail"],
    "data": [
        "security/customer_archive_security.xml",
        "security/ir.model.access.csv",
        "security/customer_archive_rules.xml",
        "security/archive_retention_rules.xml",
        "data/res_partner_industry_data.xml",
        "data/customer_archive_data.xml",
        "data/archive_retention_data.xml",
        "data/archive_retention_policy_data.xml",
        "report/customer_archive_reports.xml",
        "report/customer_archive_card_templates.xml",
        "report/archive_destruction_certificate_report.xml",
        "report/archive_destruction_certificate_templates.xml",
        "views/res_partner_views.xml",
        "views/customer_archive_views.xml",
        "views/customer_archive_request_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_archive_menus.xml",
        # After the menus: these views add their menus under Sales Ledger › Archive.
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
