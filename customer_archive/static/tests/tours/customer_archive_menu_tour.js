import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("customer_archive_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales Ledger app",
            trigger: '.o_app[data-menu-xmlid="customer_archive.menu_sales_ledger_root"]',
            run: "click",
        },
        {
            content: "The customer list shows the customer",
            trigger: '.o_list_view .o_data_row td:contains("Tour Test Customer")',
        },
    ],
});
