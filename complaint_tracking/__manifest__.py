{
    "name": "Complaint Tracking",
    "summary": "Customer complaints (客户投诉) with working-day deadlines, repairs, "
    "follow-up visits and the customer-service ledger",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Ledger",
    "author": "Sales Ledger Suite",
    "license": "LGPL-3",
    "depends": ["customer_archive", "sale", "portal"],
    "data": [
        "security/complaint_tracking_security.xml",
        "views/complaint_tracking_menus.xml",
    ],
    "installable": True,
}
