import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("archive_retention_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales Ledger app",
            trigger: '.o_app[data-menu-xmlid="customer_archive.menu_sales_ledger_root"]',
            run: "click",
        },
        {
            content: "Open the Archive menu",
            trigger: '.o_menu_sections [data-menu-xmlid="customer_archive.menu_sales_ledger_archive"]',
            run: "click",
        },
        {
            content: "Open the retention policies",
            trigger: '.dropdown-item[data-menu-xmlid="customer_archive.archive_retention_policy_menu"]',
            run: "click",
        },
        {
            content: "Open the policy",
            trigger: '.o_list_view .o_data_row td:contains("Tour retention policy")',
            run: "click",
        },
        {
            content: "The filter is edited with the domain editor of the policy's model",
            trigger: ".o_form_view .o_field_widget[name=domain]",
        },
        {
            content: "Preview the policy (dry run)",
            trigger: '.o_form_view button[name="action_preview"]',
            run: "click",
        },
        {
            content: "The dry run is a table: one record of the policy is due",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row td[name=due]:contains(1)",
        },
        {
            content: "Run the sweep from the dry run",
            trigger: '.modal footer button[name="action_run_sweep"]',
            run: "click",
        },
        {
            content: "The destruction request lists the due lead",
            trigger: '.o_form_view .o_field_widget[name=line_ids] .o_data_row td:contains("Tour old lead")',
        },
        {
            content: "Submit it",
            trigger: '.o_form_view button[name="action_submit"]',
            run: "click",
        },
        {
            content: "It waits for approval",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="to_approve"]',
        },
    ],
});
