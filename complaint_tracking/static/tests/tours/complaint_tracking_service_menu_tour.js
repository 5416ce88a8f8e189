import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Customer service starts from the home menu: its own app, the open complaints of every
// account manager, each with its service-level badge; it calls the customer and acknowledges
// the complaint with the handling plan told to him.
registry.category("web_tour.tours").add("complaint_tracking_service_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: '.o_app[data-menu-xmlid="complaint_tracking.menu_complaint_root"]',
            run: "click",
        },
        {
            content: "The open complaint of a salesperson's customer shows its service level",
            trigger: '.o_list_view .o_data_row:has(td:contains("上海星河包装有限公司")) td[name=sla_status] .badge',
        },
        {
            content: "Open the complaint",
            trigger: '.o_list_view .o_data_row td:contains("上海星河包装有限公司")',
            run: "click",
        },
        {
            content: "Only Acknowledge is offered to a new complaint, not Resolve",
            trigger: '.o_form_view .o_statusbar_buttons:has(button[name=action_acknowledge]):not(:has(button[name=action_resolve]))',
        },
        {
            content: "Record the first contact: by phone",
            trigger: ".o_form_view .o_field_widget[name=first_contact_method] select",
            run: 'select "phone"',
        },
        {
            content: "Record the handling plan told to the customer",
            trigger: ".o_form_view .o_field_widget[name=handling_plan] textarea",
            run: "edit 三个工作日内上门更换破损纸箱",
        },
        {
            content: "Acknowledge the complaint",
            trigger: ".o_form_view button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "The complaint is acknowledged",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="acknowledged"]',
        },
    ],
});
