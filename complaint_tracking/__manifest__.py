{
    "name": "Complaint Tracking",
    "summary": "Customer complaints (客户投诉) with working-day deadlines, repairs, "
    "follow-up visits and the customer-service ledger",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["customer_archive", "sale", "portal", "resource"],
    "data": [
        "security/complaint_tracking_security.xml",
        "security/ir.model.access.csv",
        "security/complaint_tracking_rules.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/archive_retention_policy_data.xml",
        "data/mail_template_data.xml",
        "data/customer_complaint_category_data.xml",
        "report/customer_complaint_report_actions.xml",
        "report/customer_complaint_report_templates.xml",
        "views/customer_complaint_repair_views.xml",
        "views/customer_complaint_visit_views.xml",
        "views/customer_complaint_views.xml",
        "views/customer_complaint_category_views.xml",
        "views/customer_complaint_report_views.xml",
        "views/resource_calendar_workday_views.xml",
        "views/customer_complaint_portal_templates.xml",
        "views/complaint_tracking_menus.xml",
    ],
    "demo": [
        "demo/complaint_tracking_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "complaint_tracking/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
