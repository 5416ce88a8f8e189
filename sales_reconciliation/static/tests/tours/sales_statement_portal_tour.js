import { waitUntil } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

// The Python test opens the statement through the link of the e-mail (access token).
registry.category("web_tour.tours").add("sales_statement_portal_dispute_tour", {
    steps: () => [
        {
            content: "The statement shows its closing balance",
            trigger: ".o_statement_closing",
        },
        {
            content: "Report a difference",
            trigger: "a.o_statement_dispute",
            run: "click",
        },
        {
            content: "Tick the last invoice line",
            trigger: ".modal .o_statement_dispute_form tbody tr:eq(0) input[type=checkbox]",
            run: "click",
        },
        {
            content: "Give our amount",
            trigger: ".modal .o_statement_dispute_form tbody tr:eq(0) input[type=number]",
            run: "edit 1800",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_statement_dispute_form tbody tr:eq(0) input[type=text]",
            run: "edit 单价应为900元",
        },
        {
            content: "Send the dispute",
            trigger: ".modal .o_statement_dispute_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The dispute is registered",
            trigger: ".o_statement_disputed_alert",
        },
    ],
});

// Typing his name draws the signature; submitting confirms the statement.
function signSteps() {
    return [
        {
            content: "The signature area opens",
            trigger: ".modal canvas.o_web_sign_signature",
        },
        {
            content: "The full name",
            trigger: ".modal input.o_web_sign_name_input",
            run: "edit 王会计",
        },
        {
            content: "The signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                await waitUntil(() => {
                    const canvas = helpers.anchor;
                    const context = canvas.getContext("2d");
                    const imageData = context.getImageData(0, 0, canvas.width, canvas.height);
                    const pixels = new Uint32Array(imageData.data.buffer);
                    return pixels.some((pixel) => pixel !== 0);
                });
            },
        },
        {
            content: "Submit the signature",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The statement is confirmed",
            trigger: ".o_statement_confirmed_alert",
        },
    ];
}

registry.category("web_tour.tours").add("sales_statement_portal_confirm_tour", {
    steps: () => [
        {
            content: "The corrected revision is shown",
            trigger: ".o_statement_state",
        },
        {
            content: "Confirm and sign",
            trigger: "a.o_statement_confirm",
            run: "click",
        },
        {
            content: "The name is not pre-filled with the company's: the signer types his own",
            trigger: ".modal input.o_web_sign_name_input:value()",
            run: "edit 王",
        },
        ...signSteps(),
    ],
});

// A customer's accountant logs in to the portal and confirms the statement from his home page.
registry.category("web_tour.tours").add("sales_statement_portal_home_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the statements from the portal home",
            trigger: 'a[href="/my/statements"]',
            run: "click",
        },
        {
            content: "Open the statement waiting for confirmation",
            trigger: 'a[href^="/my/statements/"]:not([href*="/page/"])',
            run: "click",
        },
        {
            content: "Confirm and sign",
            trigger: "a.o_statement_confirm",
            run: "click",
        },
        {
            content: "His own name",
            trigger: ".modal input.o_web_sign_name_input",
            run: "edit 王会计",
        },
        ...signSteps(),
    ],
});

// The salesperson opens the disputed statement in the back end.
registry.category("web_tour.tours").add("sales_statement_resolve_tour", {
    steps: () => [
        {
            content: "Open the discrepancies",
            trigger: ".o_notebook a[name=discrepancies]",
            run: "click",
        },
        {
            content: "Resolve the customer's discrepancy",
            trigger: ".o_field_widget[name=discrepancy_ids] .o_data_row:eq(0) button[name=action_open_resolve]",
            run: "click",
        },
        {
            content: "It is a price adjustment",
            trigger: ".modal .o_field_widget[name=reason_category] select",
            run: 'select "price"',
        },
        {
            content: "Our company is responsible",
            trigger: ".modal .o_field_widget[name=responsible_side] input[data-value=company]",
            run: "click",
        },
        {
            content: "Write the resolution",
            trigger: ".modal .o_field_widget[name=resolution] textarea",
            run: "edit 按合同单价900元开具红字发票200元",
        },
        {
            content: "Resolve the discrepancy",
            trigger: ".modal footer button[name=action_resolve]",
            run: "click",
        },
        {
            content: "The discrepancy is resolved",
            trigger: ".o_field_widget[name=discrepancy_ids] .o_data_row:eq(0).text-success",
        },
        {
            content: "Mark the statement resolved",
            trigger: ".o_form_statusbar button[name=action_resolve]",
            run: "click",
        },
        {
            content: "Send the corrected statement",
            trigger: ".o_form_statusbar button.btn-primary[name=action_send_composer]",
            run: "click",
        },
        {
            content: "The composer previews the e-mail",
            trigger: ".modal .o_field_widget[name=body]:contains(Please find attached our statement)",
        },
        {
            content: "Send the e-mail",
            trigger: ".modal footer button.o_mail_send",
            run: "click",
        },
        {
            content: "The new revision is sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sent]",
        },
    ],
});
