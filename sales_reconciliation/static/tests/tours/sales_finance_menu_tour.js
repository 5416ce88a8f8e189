import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Finance starts from the home menu, finds the statements in Invoicing, takes over the one the
// customer confirmed, drills down from the on-screen AR aging to an invoice and finds the
// monthly unpaid summary.
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
            content: "Open the confirmed statement of a salesperson's customer",
            trigger: '.o_list_view .o_data_row td:contains("上海宏达贸易有限公司")',
            run: "click",
        },
        {
            content: "Take it over with its signed PDF",
            trigger: '.o_form_view button[name="action_handover"]',
            run: "click",
        },
        {
            content: "It is handed over to finance",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
        {
            content: "Open the Reporting menu",
            trigger: '.o_menu_sections [data-menu-xmlid="account.menu_finance_reports"]',
            run: "click",
        },
        {
            content: "AR aging",
            trigger: '.dropdown-item[data-menu-xmlid="sales_reconciliation.sales_ar_aging_menu_finance"]',
            run: "click",
        },
        {
            content: "The items are grouped by customer, the PDF can be printed",
            trigger: '.o_list_view .o_control_panel button[name="action_print_pdf"]',
        },
        {
            content: "Open the customer's group",
            trigger: '.o_list_view .o_group_name:contains("上海宏达贸易有限公司")',
            run: "click",
        },
        {
            content: "Open the invoice of the item",
            trigger: '.o_list_view .o_data_row td[name="move_id"]:contains("INV")',
            run: "click",
        },
        {
            content: "The invoice opens",
            trigger: '.o_form_view .o_field_widget[name="partner_id"]:contains("上海宏达贸易有限公司")',
        },
        {
            content: "Open the Reporting menu again",
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
