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

// From the home menu to a menu of Sales Ledger › Customer File.
function customerFileMenu(menuXmlid) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="customer_archive.menu_sales_ledger_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="customer_archive.menu_customer_file"]',
            run: "click",
        },
        { trigger: `.dropdown-item[data-menu-xmlid="${menuXmlid}"]`, run: "click" },
    ];
}

// The sales manager finds the application in the customer file and approves it.
tours.add("customer_archive_manager_approves", {
    url: "/odoo",
    steps: () => [
        ...customerFileMenu("customer_archive.res_partner_customer_menu"),
        { trigger: ".o_searchview_input", run: "edit 华南新客户" },
        { trigger: ".o_searchview_input", run: "press Enter" },
        { trigger: '.o_list_view .o_data_row td:contains("华南新客户贸易有限公司")', run: "click" },
        ...approveWithOpinion("资料齐全"),
        statusIs("approved"),
    ],
});

// The salesperson finds his customer in CRM and proposes a new credit grade through a
// change request.
tours.add("customer_archive_salesperson_requests_change", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        { trigger: '.o_app[data-menu-xmlid="crm.crm_menu_root"]', run: "click" },
        { trigger: '[data-menu-xmlid="crm.crm_menu_sales"]', run: "click" },
        { trigger: '[data-menu-xmlid="crm.res_partner_menu_customer"]', run: "click" },
        { trigger: ".o_searchview_input", run: "edit 华南新客户" },
        { trigger: ".o_searchview_input", run: "press Enter" },
        { trigger: '.o_kanban_record:contains("华南新客户贸易有限公司")', run: "click" },
        { trigger: "button[name=action_request_change]", run: "click" },
        { trigger: ".o_field_widget[name=new_credit_grade] select", run: 'select "B"' },
        { trigger: ".o_field_widget[name=reason] textarea", run: "edit 近期付款经常延迟" },
        { trigger: "button[name=action_submit]", run: "click" },
        statusIs("submitted"),
    ],
});

// The sales manager opens the change requests from the home menu and approves it.
tours.add("customer_archive_manager_approves_change", {
    url: "/odoo",
    steps: () => [
        ...customerFileMenu("customer_archive.customer_archive_change_request_menu"),
        {
            trigger: '.o_list_view .o_data_row td[name=partner_id]:contains("华南新客户贸易有限公司")',
            run: "click",
        },
        ...approveWithOpinion("同意下调"),
        statusIs("approved"),
    ],
});
