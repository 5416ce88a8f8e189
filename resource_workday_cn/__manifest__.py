{
    "name": "Working Days (China)",
    "summary": "Public holidays and make-up workdays (调休) on working schedules, "
    "with the State Council's holiday schedule and its yearly import",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Sales Ledger Suite",
    "license": "AGPL-3",
    "depends": ["resource"],
    "data": [
        "security/resource_workday_cn_security.xml",
        "security/ir.model.access.csv",
        "data/resource_public_holiday_data.xml",
        "views/resource_calendar_workday_views.xml",
        "views/resource_public_holiday_import_views.xml",
        "views/resource_public_holiday_views.xml",
        "views/resource_workday_cn_menus.xml",
    ],
    "installable": True,
}
