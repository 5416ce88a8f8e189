from odoo import fields, models
from odoo.tools import SQL

# The visit discipline counts the visits of a rolling week (客户经理每周至少拜访20次客户).
VISIT_WEEK_DAYS = 7


class CustomerArchiveVisitWeekly(models.Model):
    """Each salesperson's visits of the last seven days against his weekly target (004:
    at least 20): his own target, else his sales team's, else his company's. The
    salespeople are the internal users of a sales team or holding customers, not the sales
    managers. Read through record rules: a salesperson sees his own line."""

    _name = "customer.archive.visit.weekly"
    _description = "Weekly Visits per Salesperson"
    _auto = False
    _order = "behind desc, visits_missing desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    visits_target = fields.Integer("Weekly Target", readonly=True)
    visits_done = fields.Integer("Visits Made", readonly=True)
    visits_missing = fields.Integer(readonly=True)
    behind = fields.Boolean("Behind the Target", readonly=True)

    @property
    def _table_query(self):
        salesman = self.env.ref("sales_team.group_sale_salesman").id
        manager = self.env.ref("sales_team.group_sale_manager").id
        return SQL(
            """
            SELECT u.id AS id,
                   u.id AS user_id,
                   u.company_id AS company_id,
                   u.sale_team_id AS team_id,
                   t.target AS visits_target,
                   COALESCE(v.done, 0) AS visits_done,
                   GREATEST(t.target - COALESCE(v.done, 0), 0) AS visits_missing,
                   COALESCE(v.done, 0) < t.target AS behind
              FROM res_users u
              JOIN res_company c ON c.id = u.company_id
              LEFT JOIN crm_team team ON team.id = u.sale_team_id
             CROSS JOIN LATERAL (
                    SELECT COALESCE(
                               NULLIF(u.visit_weekly_target, 0),
                               NULLIF(team.visit_weekly_target, 0),
                               c.visit_weekly_target,
                               0
                           ) AS target
             ) t
              LEFT JOIN LATERAL (
                    SELECT COUNT(*) AS done
                      FROM customer_archive_communication com
                     WHERE com.user_id = u.id
                       AND com.communication_type = 'visit'
                       AND com.date > CURRENT_DATE - %(days)s
                       AND com.date <= CURRENT_DATE
              ) v ON TRUE
             WHERE u.active
               AND NOT u.share
               AND u.id IN (SELECT uid FROM res_groups_users_rel WHERE gid = %(salesman)s)
               AND u.id NOT IN (SELECT uid FROM res_groups_users_rel WHERE gid = %(manager)s)
               AND (
                    u.sale_team_id IS NOT NULL
                    OR EXISTS (SELECT 1 FROM customer_archive a WHERE a.user_id = u.id)
               )
            """,
            days=VISIT_WEEK_DAYS,
            salesman=salesman,
            manager=manager,
        )
