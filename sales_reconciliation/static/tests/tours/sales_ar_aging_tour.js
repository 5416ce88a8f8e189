import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Finance opens the on-screen AR aging from Invoicing > Reporting and drills down to an
// invoice of a customer.
registry.category("web_tour.tours").add("sales_ar_aging_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Invoicing",
            trigger: '.o_app[data-menu-xmlid="account.menu_finance"]',
            run: "click",
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
    ],
});
