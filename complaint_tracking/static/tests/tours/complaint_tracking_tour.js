import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("complaint_tracking_portal_tour", {
    url: "/my/complaints",
    steps: () => [
        {
            content: "Open the complaint form",
            trigger: "a.o_complaint_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the category",
            trigger: "select[name=category_id]",
            run: "selectByLabel Test quality",
        },
        {
            content: "Describe what happened",
            trigger: "textarea[name=description]",
            run: "edit 纸箱受潮变形,请尽快处理",
        },
        {
            content: "State the demand",
            trigger: "textarea[name=customer_demand]",
            run: "edit 更换同批次纸箱",
        },
        {
            content: "Submit the complaint",
            trigger: "button.o_complaint_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The complaint page shows the new complaint",
            trigger: ".o_complaint_portal .o_complaint_state[data-state=new]",
        },
    ],
});

registry.category("web_tour.tours").add("complaint_tracking_backend_tour", {
    steps: () => [
        {
            content: "First contact by phone",
            trigger: ".o_field_widget[name=first_contact_method] select",
            run: 'select "phone"',
        },
        {
            content: "Handling plan told to the customer",
            trigger: ".o_field_widget[name=handling_plan] textarea",
            run: "edit 今天补发同批次纸箱,仓储部排查漏水",
        },
        {
            content: "Acknowledge the complaint",
            trigger: ".o_form_view button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "The complaint is acknowledged",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=acknowledged]",
        },
        {
            content: "Party at fault",
            trigger: ".o_field_widget[name=fault_party] input",
            run: "edit 仓储部",
        },
        {
            content: "Work order number",
            trigger: ".o_field_widget[name=work_order_ref] input",
            run: "edit GD-0606",
        },
        {
            content: "Register the complaint",
            trigger: ".o_form_view button[name=action_investigate]",
            run: "click",
        },
        {
            content: "Investigation starts",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=investigating]",
        },
        {
            content: "Open the resolution tab",
            trigger: ".o_notebook_headers a[name=resolution]",
            run: "click",
        },
        {
            content: "Root cause",
            trigger: ".o_field_widget[name=root_cause] textarea",
            run: "edit 仓库漏水导致纸箱受潮",
        },
        {
            content: "Measures",
            trigger: ".o_field_widget[name=measures] textarea",
            run: "edit 补发新货并修复仓库屋顶",
        },
        {
            content: "Resolve the complaint",
            trigger: ".o_form_view button[name=action_resolve].btn-primary",
            run: "click",
        },
        {
            content: "The complaint is resolved",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=resolved]",
        },
        {
            content: "Open the follow-up visits tab",
            trigger: ".o_notebook_headers a[name=visits]",
            run: "click",
        },
        {
            content: "Add a follow-up visit",
            trigger: ".o_field_widget[name=visit_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        // The scores are empty (not answered) until the customer gives them: five stars each.
        ...["score_quality", "score_response", "score_speed", "score_attitude"].map((name) => ({
            content: `Score ${name}: very satisfied`,
            trigger: `.o_field_widget[name=visit_ids] .o_data_row .o_field_widget[name=${name}] a.o_priority_star:last-child`,
            run: "click",
        })),
        {
            content: "Comment of the customer",
            trigger: ".o_field_widget[name=visit_ids] .o_data_row .o_field_widget[name=comment] textarea",
            run: "edit 处理及时,很满意",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The satisfied visit closes the complaint",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=closed]",
        },
    ],
});

registry.category("web_tour.tours").add("complaint_tracking_survey_tour", {
    steps: () => [
        ...["score_quality", "score_response", "score_speed", "score_attitude"].map((name) => ({
            content: `Score ${name}`,
            trigger: `.o_satisfaction_form input[name=${name}][value="4"]`,
            run: "click",
        })),
        {
            content: "The delivery came late",
            trigger: '.o_satisfaction_form input[name=score_delivery][value="1"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".o_satisfaction_form textarea[name=comment]",
            run: "edit 交货晚了一周,影响生产",
        },
        {
            content: "Send the answer",
            trigger: "button.o_satisfaction_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked, and told that customer service will call back",
            trigger: ".o_satisfaction_thanks",
        },
    ],
});

registry.category("web_tour.tours").add("complaint_tracking_survey_complaint_tour", {
    steps: () => [
        {
            content: "Customer service finds the complaint filed by the survey",
            trigger: ".o_list_view .o_data_row td[name=partner_id]:contains(上海星河包装有限公司)",
            run: "click",
        },
        {
            content: "It says what the customer answered",
            trigger: ".o_field_widget[name=description] textarea",
            run() {
                if (!this.anchor.value.includes("交货晚了一周")) {
                    throw new Error("The complaint does not quote the customer's answer");
                }
            },
        },
    ],
});
