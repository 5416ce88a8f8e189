import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_ledger_quotation_approval_tour", {
    steps: () => [
        {
            content: "The quotation beyond the discount limit waits for the sales director",
            trigger: ".o_form_view .alert-warning button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Write the approval opinion",
            trigger: ".modal div[name=comment] input",
            run: "edit Strategic customer",
        },
        {
            content: "Validate",
            trigger: ".modal button[name=add_comment]",
            run: "click",
        },
        {
            content: "The quotation is approved",
            trigger: ".o_form_view div[name=approval_state] .text-bg-success",
        },
        {
            content: "Confirm the order",
            trigger: "button[name=action_confirm]:not(.d-none):visible",
            run: "click",
        },
        {
            content: "The order is confirmed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sale]",
        },
        {
            content: "Link the order to its contract",
            trigger: "div[name=contract_id] input",
            run: "edit Tour",
        },
        {
            content: "Pick the contract",
            trigger: ".o-autocomplete--dropdown-item:contains(HT)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
