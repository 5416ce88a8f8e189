import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Finance starts from the home menu and finds the statements and the reports in Invoicing.
registry.category("web_tour.tours").add("sales_finance_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Invoicing",
            trigger: '.o_app[data-menu-xmlid="account.menu_finance"]',
            run: "click",
        },
        {
            content: "Open the Customers menu",
            trigger: '.o_menu_sections [data-menu-xmlid="account.menu_finance_receivables"]',
            run: "click",
        },
        {
            content: "Customer statements",
            trigger: '.dropdown-item[data-menu-xmlid="sales_reconciliation.sales_statement_menu_finance"]',
            run: "click",
        },
        {
            content: "The statement of a salesperson's customer is listed",
            trigger: '.o_list_view .o_data_row td:contains("上海宏达贸易有限公司")',
        },
        {
            content: "Open the Reporting menu",
            trigger: '.o_menu_sections [data-menu-xmlid="account.menu_finance_reports"]',
            run: "click",
        },
        {
            content: "Monthly unpaid summary",
            trigger: '.dropdown-item[data-menu-xmlid="sales_reconciliation.sales_unpaid_summary_menu_finance"]',
            run: "click",
        },
        {
            content: "The unpaid summary asks for the month",
            trigger: ".modal button[name=action_pdf]",
        },
    ],
});
