from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesStatementSending(models.Model):
    """Sending statements to the customers, reminding them while they do not answer,
    and the monthly unpaid summary e-mailed to the sales managers."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited

    def action_send(self):
        """E-mail the statement PDF with a portal link and schedule a reminder.
        A resolved statement is first recomputed and reissued as a new revision."""
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement")
        reminder_days = self.env.company.statement_reminder_days
        for statement in self:
            if statement.state not in ("draft", "sent", "resolved"):
                raise UserError(
                    self.env._(
                        "Statement %(name)s cannot be sent in its current state.",
                        name=statement.name,
                    )
                )
            if not statement.partner_id.email and not statement.partner_id.child_ids.filtered(
                "email"
            ):
                raise UserError(
                    self.env._(
                        "Customer %(name)s has no e-mail address.", name=statement.partner_id.name
                    )
                )
            if statement.state == "resolved":
                statement._reissue()
            statement._portal_ensure_token()
            attachment = statement._archive_pdf("sent")
            with statement._workflow_pass():
                statement.write(
                    {"state": "sent", "sent_on": fields.Datetime.now(), "reminder_count": 0}
                )
            statement.message_subscribe(partner_ids=statement.partner_id.ids)
            statement.with_context(lang=statement.partner_id.lang).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                attachment_ids=attachment.ids,
            )
            statement.activity_schedule(
                "sales_reconciliation.mail_activity_type_statement_reminder",
                date_deadline=fields.Date.context_today(statement) + timedelta(days=reminder_days),
                user_id=statement.user_id.id or self.env.uid,
                summary=self.env._("Follow up the statement with the customer"),
            )
        return True

    @api.model
    def _cron_remind(self):
        """Remind customers of unanswered statements every N days, escalate old
        open discrepancies to the sales manager."""
        now = fields.Datetime.now()
        template = self.env.ref("sales_reconciliation.mail_template_sales_statement_reminder")
        for company in self.env["res.company"].search([]):
            limit = now - timedelta(days=company.statement_reminder_days)
            statements = self.search(
                [("company_id", "=", company.id), ("state", "=", "sent"), ("sent_on", "<=", limit)]
            )
            for statement in statements:
                last = statement.write_date if statement.reminder_count else statement.sent_on
                if last and last > limit:
                    continue
                statement.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment", message_type="comment"
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
        managers_group = self.env.ref("sales_team.group_sale_manager")
        for company in self.env["res.company"].search([]):
            managers = managers_group.users.filtered(
                lambda user, c=company: not user.share and c in user.company_ids and user.email
            )
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
