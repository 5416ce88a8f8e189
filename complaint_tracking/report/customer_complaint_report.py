from odoo import fields, models
from odoo.tools import SQL

from ..models.customer_complaint import PRIORITIES


class CustomerComplaintReport(models.Model):
    """Customer-service ledger (客户服务工作台账): one row per complaint."""

    _name = "customer.complaint.report"
    _description = "Customer Service Ledger"
    _auto = False
    _rec_name = "complaint_id"
    _order = "date desc"

    complaint_id = fields.Many2one("customer.complaint", readonly=True)
    date = fields.Datetime(string="Received On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    category_id = fields.Many2one("customer.complaint.category", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("visit", "Visit"),
            ("survey", "Satisfaction Survey"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    priority = fields.Selection(PRIORITIES, readonly=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("investigating", "Investigating"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
        ],
        readonly=True,
    )
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    overdue_count = fields.Integer(string="Missed Deadlines", readonly=True)
    sla_rate = fields.Float(string="Deadline Compliance (%)", readonly=True, aggregator="avg")
    response_hours = fields.Float(
        string="Average Response Time (Hours)", readonly=True, aggregator="avg"
    )
    satisfaction = fields.Float(string="Average Satisfaction", readonly=True, aggregator="avg")
    repair_count = fields.Integer(string="Repairs", readonly=True)

    @property
    def _table_query(self):
        missed = SQL(
            """(
                (c.acknowledged_at IS NULL AND c.response_deadline < NOW() AT TIME ZONE 'UTC')
                OR c.acknowledged_at > c.response_deadline
                OR (c.registered_at IS NULL
                    AND c.registration_deadline < NOW() AT TIME ZONE 'UTC')
                OR c.registered_at > c.registration_deadline
            )"""
        )
        return SQL(
            """
            SELECT c.id AS id,
                   c.id AS complaint_id,
                   c.received_at AS date,
                   c.company_id AS company_id,
                   c.commercial_partner_id AS partner_id,
                   c.category_id AS category_id,
                   c.user_id AS user_id,
                   c.channel AS channel,
                   c.priority AS priority,
                   c.state AS state,
                   1 AS complaint_count,
                   CASE WHEN %(missed)s THEN 1 ELSE 0 END AS overdue_count,
                   CASE WHEN %(missed)s THEN 0.0 ELSE 100.0 END AS sla_rate,
                   CASE WHEN c.acknowledged_at IS NOT NULL THEN c.response_hours END
                       AS response_hours,
                   visit.satisfaction AS satisfaction,
                   COALESCE(repair.repair_count, 0) AS repair_count
              FROM customer_complaint c
         LEFT JOIN (
                SELECT complaint_id, AVG(score_average) AS satisfaction
                  FROM customer_complaint_visit
              GROUP BY complaint_id
              ) visit ON visit.complaint_id = c.id
         LEFT JOIN (
                SELECT complaint_id, COUNT(*) AS repair_count
                  FROM customer_complaint_repair
              GROUP BY complaint_id
              ) repair ON repair.complaint_id = c.id
             WHERE c.state != 'cancelled'
            """,
            missed=missed,
        )
