import logging
import os
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval, time

from .sales_statement_deadline import SalesStatementDeadline

_logger = logging.getLogger(__name__)

SENDABLE_STATES = ("draft", "sent", "resolved")
SENDING_STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("failed", "Failed"),
]
# More statements than this in one click go to the background: each needs its PDF.
SEND_NOW_LIMIT = 10
# Statements sent per run of the background job, committed together.
SEND_BATCH_SIZE = 20


class SalesStatementSending(models.Model):
    """Sending statements to the customer's invoice address or accounting contact, now
    or in the background (a job sending batches, with a sending status per statement
    and the error of those that failed), reminding customers who do not answer, and the
    monthly unpaid summary e-mailed to the sales managers."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited
    _workflow_fields = (
        *SalesStatementDeadline._workflow_fields,
        "sending_state",
        "sending_error",
        "sending_user_id",
    )

    recipient_ids = fields.Many2many(
        "res.partner",
        string="Recipients",
        compute="_compute_recipient_ids",
        help="Who receives the statement by e-mail: the customer's accounting contact, else "
        "its invoice addresses, else the customer itself, if they have an e-mail address.",
    )
    sending_state = fields.Selection(
        SENDING_STATES,
        string="Sending",
        readonly=True,
        copy=False,
        index=True,
        help="Queued: waiting for the background job. Failed: the statement could not go "
        "out, see the error.",
    )
    sending_error = fields.Text(readonly=True, copy=False)
    sending_user_id = fields.Many2one(
        "res.users", "Queued By", readonly=True, copy=False, help="Who sends it: the author."
    )

    @api.depends(
        "partner_id.accounting_contact_id.email",
        "partner_id.child_ids.type",
        "partner_id.child_ids.email",
        "partner_id.email",
    )
    def _compute_recipient_ids(self):
        for statement in self:
            statement.recipient_ids = statement.partner_id._statement_recipients()

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def _check_sendable(self):
        for statement in self:
            if statement.state not in SENDABLE_STATES:
                raise UserError(
                    self.env._(
                        "Statement %(name)s cannot be sent in its current state.",
                        name=statement.name,
                    )
                )

    def _check_send_allowed(self):
        """What sending requires, whichever way the statements go out (Send button,
        mail composer, background job): a state that can be sent, the right to change
        the statement and a recipient with an e-mail address."""
        self._check_sendable()
        self.check_access("write")
        for statement in self:
            if not statement.partner_id._statement_recipients():
                raise UserError(
                    self.env._(
                        "Customer %(name)s has no invoice address or accounting contact with "
                        "an e-mail address: add a contact of type Invoice Address with an "
                        "e-mail address to the customer, then send statement %(statement)s "
                        "again.",
                        name=statement.partner_id.name,
                        statement=statement.name,
                    )
                )

    def action_send(self):
        """E-mail the statement PDF with a portal link and schedule a reminder. A
        resolved statement is first recomputed and reissued as a new revision. More
        than ``SEND_NOW_LIMIT`` statements at once are sent in the background."""
        if len(self) > SEND_NOW_LIMIT:
            return self.action_send_background()
        self._check_sendable()
        for statement in self:
            statement._send()
        return True

    def action_send_composer(self):
        """The Send button of the form: the mail composer with the statement template
        rendered in the customer's language (the preview), the recipients and the PDF;
        posting it sends the statement (see ``message_post``). A resolved statement is
        first reissued from the books, as a draft of its next revision, so that the
        composer shows the figures the customer will receive."""
        self.ensure_one()
        self._check_send_allowed()
        if self.state == "resolved":
            self._reissue()
            with self._workflow_pass():
                self.write({"state": "draft"})
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Statement"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id,
                "default_partner_ids": self.partner_id._statement_recipients().ids,
                "default_subtype_xmlid": "mail.mt_comment",
                "force_email": True,
                "mark_statement_as_sent": True,
            },
        }

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        """Posted from the composer of ``action_send_composer``: the statement is sent,
        as by the Send button, and the PDF the composer previewed is replaced by the one
        archived as the sent version."""
        if not self.env.context.get("mark_statement_as_sent"):
            return super().message_post(**kwargs)
        self.ensure_one()
        statement = self.with_context(mark_statement_as_sent=False)
        attachments = self.env["ir.attachment"].sudo().browse(kwargs.get("attachment_ids") or [])
        report_name = statement._composer_report_name()
        previews = attachments.filtered(
            lambda a: (
                a.res_model == "mail.compose.message" and os.path.splitext(a.name)[0] == report_name
            )
        )
        _recipients, pdf = statement._send_workflow()
        kwargs["attachment_ids"] = (attachments - previews).ids + pdf.ids
        previews.unlink()
        return super(SalesStatementSending, statement).message_post(**kwargs)

    def _composer_report_name(self):
        """The name (without extension) the mail composer gives the statement PDF it
        renders with the template's report."""
        report = self.env.ref("sales_reconciliation.sales_statement_report_action")
        return safe_eval(report.print_report_name, {"object": self, "time": time})

    def _send(self):
        """Send one statement now; ``UserError`` when it cannot go out."""
        recipients, attachment = self._send_workflow()
        self.with_context(lang=self.partner_id.lang).message_post_with_source(
            self.env.ref("sales_reconciliation.mail_template_sales_statement"),
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
            attachment_ids=attachment.ids,
            partner_ids=recipients.ids,
        )

    def _send_workflow(self):
        """All that sending one statement does but the e-mail: the checks, the reissue
        of a resolved statement, the portal link, the PDF archived as the sent version,
        the state, the recipients as followers and the reminder. Returns the recipients
        and the PDF attachment, which the e-mail carries."""
        self.ensure_one()
        self._check_send_allowed()
        recipients = self.partner_id._statement_recipients()
        if self.state == "resolved":
            self._reissue()
        self._portal_ensure_token()
        attachment = self._archive_pdf("sent")
        with self._workflow_pass():
            self.write(
                {
                    "state": "sent",
                    "sent_on": fields.Datetime.now(),
                    "reminder_count": 0,
                    "sending_state": "sent",
                    "sending_error": False,
                }
            )
        self.message_subscribe(partner_ids=recipients.ids)
        self.activity_schedule(
            "sales_reconciliation.mail_activity_type_statement_reminder",
            date_deadline=fields.Date.context_today(self)
            + timedelta(days=self.company_id.statement_reminder_days),
            user_id=self.user_id.id or self.env.uid,
            summary=self.env._("Follow up the statement with the customer"),
        )
        return recipients, attachment

    def action_send_background(self):
        """Queue the statements for the background job, which sends them in batches as
        the current user; each gets its sending status and, if it fails, the error."""
        self._check_sendable()
        with self._workflow_pass():
            self.write(
                {
                    "sending_state": "queued",
                    "sending_error": False,
                    "sending_user_id": self.env.uid,
                }
            )
        self.env.ref("sales_reconciliation.ir_cron_sales_statement_send").sudo()._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Sending in the background"),
                "message": self.env._(
                    "%(count)s statements are being sent. The Sending column shows their "
                    "progress and the error of any that fails.",
                    count=len(self),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_send_statements(self, batch_size=SEND_BATCH_SIZE):
        """Send one batch of queued statements, each as the user who queued it. A
        statement that cannot go out is marked failed with its error, and the others are
        sent; the job reports its progress and runs again while statements remain."""
        domain = [("sending_state", "=", "queued")]
        queued = self.search(domain, order="id", limit=batch_size)
        if not queued:
            return
        remaining = self.search_count(domain) - len(queued)
        # another run may be sending some of them: skip those it holds
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM sales_statement WHERE id = ANY(%s) FOR UPDATE SKIP LOCKED",
                queued.ids,
            )
        )
        batch = self.browse(sorted(row[0] for row in rows))
        failed = self.browse()
        for statement in batch:
            sender = statement.with_user(statement.sending_user_id or self.env.user)
            # what the statements before wrote is final: a failure below rolls back its own
            # savepoint only, which drops the pending hooks (tracking) of the transaction
            self.env.cr.precommit.run()
            try:
                with self.env.cr.savepoint():
                    sender.with_company(statement.company_id)._send()
            except Exception as error:  # noqa: BLE001 - one statement must not stop the others
                _logger.info("Statement %s not sent: %s", statement.name, error)
                with statement._workflow_pass():
                    statement.write(
                        {"sending_state": "failed", "sending_error": self._error_text(error)}
                    )
                failed |= statement
        self._notify_senders(batch, failed)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)

    @api.model
    def _error_text(self, error):
        if isinstance(error, UserError):
            return error.args[0]
        return self.env._("Unexpected error: %(error)s", error=error)

    @api.model
    def _notify_senders(self, batch, failed):
        """Tell each sender, live, how many of his statements went out and which failed."""
        for user, statements in batch.grouped("sending_user_id").items():
            if not user:
                continue
            mine = statements & failed
            if mine:
                message = self.env._(
                    "%(count)s statements could not be sent: %(names)s",
                    count=len(mine),
                    names=", ".join(mine.mapped("name")),
                )
            else:
                message = self.env._("%(count)s statements sent.", count=len(statements))
            user.partner_id._bus_send(
                "simple_notification",
                {
                    "type": "warning" if mine else "success",
                    "title": self.env._("Statements"),
                    "message": message,
                    "sticky": bool(mine),
                },
            )

    @api.model
    def _cron_remind(self):
        """Remind customers of unanswered statements every N days (at the statement's
        recipients), escalate old open discrepancies to the sales manager."""
        now = fields.Datetime.now()
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement_reminder")
        for company in self.env["res.company"].search([]):
            limit = now - timedelta(days=company.statement_reminder_days)
            statements = self.search(
                [("company_id", "=", company.id), ("state", "=", "sent"), ("sent_on", "<=", limit)]
            )
            for statement in statements:
                last = statement.write_date if statement.reminder_count else statement.sent_on
                recipients = statement.partner_id._statement_recipients()
                if (last and last > limit) or not recipients:
                    continue
                statement.message_post_with_source(
                    template,
                    subtype_xmlid="mail.mt_comment",
                    message_type="comment",
                    partner_ids=recipients.ids,
                )
                with statement._workflow_pass():
                    statement.reminder_count += 1
            escalation = now - timedelta(days=company.discrepancy_escalation_days)
            self.env["sales.statement.discrepancy"].search(
                [
                    ("statement_id.company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("escalated", "=", False),
                    ("create_date", "<=", escalation),
                ]
            )._escalate()

    @api.model
    def _cron_send_unpaid_summary(self):
        """Monthly unpaid summary (客户未付款明细表) for the month just ended,
        e-mailed as PDF to the sales managers of each company."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        template = self.env.ref("sales_reconciliation.mail_template_sales_unpaid_summary")
        for company in self.env["res.company"].search([]):
            managers = company._sales_managers_to_mail()
            if not managers:
                continue
            self._send_unpaid_summary(company, date_from, date_to, managers, template)

    @api.model
    def _send_unpaid_summary(self, company, date_from, date_to, recipients, template=None):
        template = template or self.env.ref(
            "sales_reconciliation.mail_template_sales_unpaid_summary"
        )
        period_label = f"{date_from.year:04d}-{date_from.month:02d}"
        data = {
            "company_id": company.id,
            "date_from": fields.Date.to_string(date_from),
            "date_to": fields.Date.to_string(date_to),
        }
        pdf = (
            self.env["ir.actions.report"]
            .sudo()
            .with_company(company)
            ._render_qweb_pdf(
                "sales_reconciliation.unpaid_summary_report_action", company.ids, data=data
            )[0]
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{company.name}-{period_label}-未付款明细表.pdf",
                    "raw": pdf,
                    "res_model": "res.company",
                    "res_id": company.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        mail_id = template.with_context(period_label=period_label).send_mail(
            company.id,
            email_values={
                "recipient_ids": [fields.Command.set(recipients.partner_id.ids)],
                "attachment_ids": [fields.Command.link(attachment.id)],
            },
        )
        return self.env["mail.mail"].sudo().browse(mail_id)
