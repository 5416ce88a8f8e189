from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.customer_archive.tools import bulk_insert, schedule_activities_in_bulk

from ..tools import amount_to_chinese


class SalesCollectionReminder(models.Model):
    """One collection level reached by one customer invoice: raised once by the daily job,
    with a to-do for the salesperson, the dunning letter and the customer's promise to pay."""

    _name = "sales.collection.reminder"
    _description = "Collection Reminder"
    _inherit = ("mail.thread", "mail.activity.mixin", "workflow.guard.mixin")
    _order = "date desc, id desc"
    _rec_name = "move_id"
    _check_company_auto = True
    # What the job found is a fact; the salesperson records the promise.
    _workflow_fields = (
        "move_id",
        "level_id",
        "date",
        "days_from_due",
        "amount_residual",
        "partner_id",
        "company_id",
    )

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    level_id = fields.Many2one("sales.collection.level", required=True, readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", index=True, tracking=True, domain=[("share", "=", False)]
    )
    date = fields.Date(string="Raised On", readonly=True)
    days_from_due = fields.Integer(readonly=True, help="Negative: days left until the due date.")
    currency_id = fields.Many2one(related="move_id.currency_id")
    amount_residual = fields.Monetary(string="Amount Due When Raised", readonly=True)
    amount_residual_now = fields.Monetary(
        string="Amount Due", related="move_id.amount_residual", readonly=True
    )
    date_due = fields.Date(related="move_id.invoice_date_due", string="Due Date")
    payment_state = fields.Selection(related="move_id.payment_state")
    promise_date = fields.Date(string="Promised Payment Date", tracking=True)
    promise_amount = fields.Monetary(string="Promised Amount", tracking=True)
    promise_note = fields.Text(string="Promise to Pay", tracking=True)
    level_note = fields.Html(related="level_id.note", string="Instructions")

    _sql_constraints = [
        (
            "move_level_unique",
            "UNIQUE(move_id, level_id)",
            "An invoice reaches each collection level once.",
        )
    ]

    def write(self, vals):
        res = super().write(vals)
        if vals.get("promise_date"):
            self._follow_promise()
        return res

    def _follow_promise(self):
        """A promise closes the collection to-do and plans a check on the promised day."""
        self.activity_feedback(
            ["sales_reconciliation.mail_activity_type_collection"],
            feedback=self.env._("The customer promised to pay."),
        )
        for reminder in self:
            reminder.activity_schedule(
                "sales_reconciliation.mail_activity_type_collection_promise",
                date_deadline=reminder.promise_date,
                user_id=reminder.user_id.id or self.env.uid,
            )

    def action_send_letter(self):
        """Open the mail composer with the level's dunning letter and its PDF."""
        self.ensure_one()
        template = self.level_id.mail_template_id or self.env.ref(
            "sales_reconciliation.mail_template_dunning_letter"
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "force_email": True,
            },
        }

    def _open_invoices(self):
        """The customer's invoices still open in the reminder's company, for the letter."""
        self.ensure_one()
        move_ids = self.env["sales.receivable.engine"]._open_moves(
            self.company_id,
            fields.Date.context_today(self),
            self.partner_id.ids,
            key="commercial_partner_id",
        )
        return self.env["account.move"].search(
            [("id", "in", move_ids), ("move_type", "=", "out_invoice")],
            order="invoice_date_due, id",
        )

    def _amount_in_words(self, amount):
        return amount_to_chinese(amount)

    @api.model
    def _cron_raise_reminders(self, today=None):
        """Raise the highest level each open invoice (receivables engine) has reached and
        not yet had: a few queries per company and level, whatever the number of invoices."""
        today = today or fields.Date.context_today(self)
        levels = self.env["sales.collection.level"].sudo().search([], order="days desc")
        engine = self.env["sales.receivable.engine"]
        engine._flush_receivables()
        for level in levels:
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT move.id, move.name, move.commercial_partner_id,
                           COALESCE(move.invoice_user_id, partner.user_id, move.create_uid),
                           %(today)s - move.invoice_date_due, move.amount_residual
                      FROM account_move move
                      JOIN res_partner partner ON partner.id = move.commercial_partner_id
                     WHERE move.id IN (SELECT open.move_id
                                         FROM (%(open)s) open
                                     GROUP BY open.move_id
                                       HAVING SUM(open.residual) > 0)
                       AND move.move_type = 'out_invoice'
                       AND move.invoice_date_due + %(days)s <= %(today)s
                       AND NOT EXISTS (
                           SELECT 1
                             FROM sales_collection_reminder reminder
                             JOIN sales_collection_level reached
                               ON reached.id = reminder.level_id
                            WHERE reminder.move_id = move.id
                              AND reached.days >= %(days)s
                       )
                    """,
                    today=today,
                    open=engine._open_items_query(
                        level.company_id, today, key="commercial_partner_id"
                    ),
                    days=level.days,
                )
            )
            if not rows:
                continue
            # Inserted as one set, with their to-dos (no creation message, nor "assigned to
            # you" e-mail per reminder: the salesperson finds them in his activities), so
            # that the job's queries do not grow with the invoices.
            reminders = bulk_insert(
                self.sudo(),
                [
                    {
                        "company_id": level.company_id.id,
                        "move_id": move_id,
                        "level_id": level.id,
                        "partner_id": partner_id,
                        "user_id": user_id,
                        "date": today,
                        "days_from_due": days,
                        "amount_residual": residual,
                    }
                    for move_id, _name, partner_id, user_id, days, residual in rows
                ],
            )
            schedule_activities_in_bulk(
                reminders,
                self.env.ref("sales_reconciliation.mail_activity_type_collection"),
                [
                    (reminder_id, row[3], row[1])
                    for reminder_id, row in zip(reminders.ids, rows, strict=True)
                ],
                today,
            )
