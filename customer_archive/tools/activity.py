from collections import Counter

from odoo import fields
from odoo.tools import SQL

from .bulk_insert import array_literal, bulk_insert


def _summaries(activity_type, users):
    """{language: the type's summary} for ``users``' languages and the environment's.

    The summary is stored as text: it is written in the language of whoever reads it (a job
    runs in English), as the type's translated name would show.
    """
    return {
        lang: activity_type.with_context(lang=lang).summary
        for lang in {*users.mapped("lang"), activity_type.env.lang}
    }


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
    users = env["res.users"].browse(uid for uid in responsible.values() if uid)
    lang_of = {user.id: user.lang for user in users}
    summaries = _summaries(activity_type, users)
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


def schedule_activities_in_bulk(records, activity_type, rows, date_deadline):
    """Schedule ``activity_type`` on records just created, in a fixed number of queries
    whatever their number (a daily job raising thousands of to-dos at once).

    ``rows``: ``[(res_id, user_id, res_name)]``, the responsible user and the record's
    display name as the caller's query found them. What ``mail.activity.create()`` does is
    done for all at once: the activities are inserted (``bulk_insert``), each user follows
    the records he is responsible for with the default subtypes, and his activity counter is
    refreshed; no "assigned to you" e-mail, as with ``mail_activity_quick_update``.
    """
    rows = [row for row in rows if row[1]]
    if not rows:
        return
    env = records.env
    users = env["res.users"].sudo().browse({user_id for _res_id, user_id, _name in rows})
    summaries = _summaries(activity_type, users)
    user_of = {user.id: user for user in users}
    bulk_insert(
        env["mail.activity"].sudo(),
        [
            {
                "res_model_id": env["ir.model"]._get_id(records._name),
                "res_model": records._name,
                "res_id": res_id,
                "res_name": res_name,
                "activity_type_id": activity_type.id,
                "summary": summaries[user_of[user_id].lang or env.lang],
                "automated": True,
                "user_id": user_id,
                "user_tz": user_of[user_id].tz or False,
                "date_deadline": date_deadline,
                "date_done": False,
            }
            for res_id, user_id, res_name in rows
        ],
    )
    # the users follow their records: customers (portal users) with the external subtypes
    default, _internal, external = env["mail.message.subtype"].default_subtypes(records._name)
    follows = {(res_id, user_of[user_id].partner_id) for res_id, user_id, _name in rows}
    for share, subtypes in ((False, default), (True, external)):
        pairs = [
            (res_id, partner.id) for res_id, partner in follows if partner.partner_share == share
        ]
        if not pairs:
            continue
        env.cr.execute(
            SQL(
                """
            WITH new AS (
                INSERT INTO mail_followers (res_model, res_id, partner_id)
                SELECT %(model)s, res_id, partner_id
                  FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[]) AS f(res_id, partner_id)
                    ON CONFLICT DO NOTHING
             RETURNING id
            )
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT new.id, subtype FROM new CROSS JOIN unnest(%(subtypes)s::int[]) AS subtype
                """,
                model=records._name,
                res_ids=array_literal(res_id for res_id, _partner_id in pairs),
                partner_ids=array_literal(partner_id for _res_id, partner_id in pairs),
                subtypes=array_literal(subtypes.ids),
            )
        )
    env["mail.followers"].invalidate_model()
    records.invalidate_recordset(["activity_ids", "message_follower_ids"])
    if date_deadline <= fields.Date.today():
        for user_id, count in Counter(user_id for _res_id, user_id, _name in rows).items():
            user_of[user_id]._bus_send(
                "mail.activity/updated", {"activity_created": True, "count_diff": count}
            )
