import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { PriorityField, priorityField } from "@web/views/fields/priority/priority_field";

/**
 * A satisfaction score of customer.satisfaction.mixin (integer 0-5) as five stars:
 * 0 is a question not answered yet, shown as such; clicking the lit star again clears it.
 */
export class SatisfactionScoreField extends PriorityField {
    static template = "complaint_tracking.SatisfactionScoreField";

    get options() {
        return [
            [0, _t("Not answered")],
            [1, _t("1 - Very unsatisfied")],
            [2, _t("2 - Unsatisfied")],
            [3, _t("3 - Acceptable")],
            [4, _t("4 - Satisfied")],
            [5, _t("5 - Very satisfied")],
        ];
    }

    get answered() {
        return Boolean(this.props.record.data[this.props.name]);
    }
}

export const satisfactionScoreField = {
    ...priorityField,
    component: SatisfactionScoreField,
    displayName: _t("Satisfaction Score"),
    supportedTypes: ["integer"],
    extractProps(fieldInfo, dynamicInfo) {
        // Scores are saved with the visit, not star by star.
        return { ...priorityField.extractProps(fieldInfo, dynamicInfo), autosave: false };
    },
};

registry.category("fields").add("satisfaction_score", satisfactionScoreField);
