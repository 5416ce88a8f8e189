import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_ledger_quotation_approval_tour", {
    steps: () => [
        {
            content: "The quotation over the discount limit waits for approval",
            trigger: ".o_form_view .ribbon span.text-bg-warning",
        },
        {
            content: "Open the approval dialog",
            trigger: "button[name=action_open_approval_wizard]",
            run: "click",
        },
        {
            content: "Write the approval opinion",
            trigger: ".modal div[name=opinion] textarea",
            run: "edit Strategic customer",
        },
        {
            content: "Approve",
            trigger: ".modal button[name=action_approve]",
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
