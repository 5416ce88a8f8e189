from odoo import fields


def schedule_activity_once(records, activity_type, user_of, date_deadline=None):
    """Schedule ``activity_type`` on each of ``records`` that has none open yet, in one create.

    ``user_of(record)`` gives the responsible user id. Returns the records scheduled, so that
    a cron running twice does not remind twice.
    """
    pending = records.filtered_domain(
        [("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)])]
    )
    env = records.env
    deadline = date_deadline or activity_type._get_date_deadline()
    env["mail.activity"].create(
        [
            {
                "res_model_id": env["ir.model"]._get_id(records._name),
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "summary": activity_type.summary,
                "automated": True,
                "user_id": user_of(record),
                "date_deadline": deadline or fields.Date.context_today(record),
            }
            for record in pending
        ]
    )
    return pending
