{
    "name": "Sales Reconciliation",
    "summary": "Customer statements (对账单) confirmed or disputed in the portal, "
    "AR aging, credit policy and reconciliation KPIs",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["sales_ledger", "portal", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/sales_reconciliation_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/archive_retention_policy_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "report/sales_statement_reports.xml",
        "views/wizard_views.xml",
        "views/sales_statement_views.xml",
        "views/sales_statement_kpi_views.xml",
        "views/sales_credit_override_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/sales_statement_portal_templates.xml",
        "views/sales_reconciliation_menus.xml",
    ],
    "demo": [
        "demo/sales_reconciliation_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_reconciliation/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
