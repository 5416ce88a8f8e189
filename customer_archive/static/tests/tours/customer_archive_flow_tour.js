import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");

function statusIs(value) {
    return {
        content: `The status is ${value}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value="${value}"]`,
    };
}

// The reviewer validates his tier with his opinion (审批意见).
function approveWithOpinion(opinion) {
    return [
        { trigger: "button[name=validate_tier]", run: "click" },
        { trigger: ".modal .o_field_widget[name=comment] input", run: `edit ${opinion}` },
        { trigger: ".modal button[name=add_comment]", run: "click" },
    ];
}

// A salesperson registers a customer from the CRM app and submits the application.
tours.add("customer_archive_salesperson_registers", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        { trigger: '.o_app[data-menu-xmlid="crm.crm_menu_root"]', run: "click" },
        { trigger: '[data-menu-xmlid="crm.crm_menu_sales"]', run: "click" },
        { trigger: '[data-menu-xmlid="crm.res_partner_menu_customer"]', run: "click" },
        { trigger: ".o_control_panel_main_buttons .o-kanban-button-new", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit 华南新客户贸易有限公司" },
        ...stepUtils.saveForm(),
        statusIs("draft"),
        { trigger: "button[name=action_submit_customer]", run: "click" },
        { trigger: ".o_form_view:not(:has(button[name=action_submit_customer]))" },
    ],
});

// The sales manager approves the application.
tours.add("customer_archive_manager_approves", {
    steps: () => [...approveWithOpinion("资料齐全"), statusIs("approved")],
});

// The salesperson proposes a new credit grade through a change request.
tours.add("customer_archive_salesperson_requests_change", {
    steps: () => [
        { trigger: "button[name=action_request_change]", run: "click" },
        { trigger: ".o_field_widget[name=new_credit_grade] select", run: 'select "B"' },
        { trigger: ".o_field_widget[name=reason] textarea", run: "edit 近期付款经常延迟" },
        { trigger: "button[name=action_submit]", run: "click" },
        statusIs("submitted"),
    ],
});

// The sales manager approves the change request.
tours.add("customer_archive_manager_approves_change", {
    steps: () => [...approveWithOpinion("同意下调"), statusIs("approved")],
});
