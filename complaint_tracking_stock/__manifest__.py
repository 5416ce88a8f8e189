{
    "name": "Complaint Tracking - Stock",
    "summary": "Satisfaction survey (满意度调查) after each delivery",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["complaint_tracking", "sale_stock"],
    "data": [
        "views/customer_satisfaction_survey_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
