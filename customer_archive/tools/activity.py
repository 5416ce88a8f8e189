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
    responsible = {record: user_of(record) for record in pending}
    # The summary is stored as text: write it in the language of whoever reads it (a job
    # runs in English), as the type's translated name would show.
    users = env["res.users"].browse(uid for uid in responsible.values() if uid)
    lang_of = {user.id: user.lang for user in users}
    summaries = {
        lang: activity_type.with_context(lang=lang).summary
        for lang in {*lang_of.values(), env.lang}
    }
    env["mail.activity"].create(
        [
            {
                "res_model_id": env["ir.model"]._get_id(records._name),
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "summary": summaries[lang_of.get(user_id, env.lang)],
                "automated": True,
                "user_id": user_id,
                "date_deadline": deadline or fields.Date.context_today(record),
            }
            for record, user_id in responsible.items()
        ]
    )
    return pending
