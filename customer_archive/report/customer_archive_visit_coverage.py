from odoo import fields, models
from odoo.tools import SQL

from ..models.res_partner import CUSTOMER_CATEGORIES


class CustomerArchiveVisitCoverage(models.Model):
    """Visit coverage (拜访覆盖): for each approved customer whose category has a visit plan,
    the visits due over the plan's period and those made, per salesperson. Read through
    record rules like the dossiers: a salesperson sees his own customers."""

    _name = "customer.archive.visit.coverage"
    _description = "Visit Coverage"
    _auto = False
    _order = "behind desc, visits_missing desc, partner_id"
    _rec_name = "partner_id"

    archive_id = fields.Many2one("customer.archive", "Dossier", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    customer_category = fields.Selection(CUSTOMER_CATEGORIES, readonly=True)
    period_days = fields.Integer("Period (days)", readonly=True, aggregator=False)
    visits_due = fields.Integer(readonly=True)
    visits_done = fields.Integer("Visits Made", readonly=True)
    visits_missing = fields.Integer(readonly=True)
    behind = fields.Boolean("Behind the Plan", readonly=True)
    last_visit_date = fields.Date(readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT a.id AS id,
                   a.id AS archive_id,
                   a.partner_id AS partner_id,
                   a.user_id AS user_id,
                   a.company_id AS company_id,
                   a.customer_category AS customer_category,
                   r.period_days AS period_days,
                   r.visit_count AS visits_due,
                   COALESCE(v.done, 0) AS visits_done,
                   GREATEST(r.visit_count - COALESCE(v.done, 0), 0) AS visits_missing,
                   COALESCE(v.done, 0) < r.visit_count AS behind,
                   a.last_visit_date AS last_visit_date
              FROM customer_archive a
              JOIN customer_archive_visit_rule r ON r.customer_category = a.customer_category
              LEFT JOIN LATERAL (
                    SELECT COUNT(*) AS done
                      FROM customer_archive_communication c
                     WHERE c.archive_id = a.id
                       AND c.communication_type = 'visit'
                       AND c.date > CURRENT_DATE - r.period_days
              ) v ON TRUE
             WHERE a.active
               AND a.archive_state = 'approved'
            """
        )
