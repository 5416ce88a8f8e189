from datetime import timedelta

from odoo import api, fields, models

# A 1x1 PNG, the signature of the demo confirmations.
DEMO_SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class SalesStatementDemo(models.Model):
    """The demo books and statements (loaded by the demo data only)."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_move(self, partner, move_type, day, product, quantity, price, **values):
        """A demo invoice or credit note of ``partner`` (his salesperson's) with one line."""
        return self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_user_id": partner.user_id.id,
                "invoice_date": day,
                "invoice_line_ids": [
                    fields.Command.create(
                        {"name": product, "quantity": quantity, "price_unit": price}
                    )
                ],
                **values,
            }
        )

    @api.model
    def _demo_build_statements(self, partner_ids):
        """Demo data: last month's books of six customers and their statements in
        every state (draft, sent, disputed, resolved, confirmed, handed over)."""
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.env.company.id)], limit=1
        )
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if not journal or not bank:
            return
        partners = self.env["res.partner"].browse(partner_ids)
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        previous = date_from - timedelta(days=20)
        for index, partner in enumerate(partners):
            base = 10000.0 + 2345.67 * index
            opening = self._demo_move(
                partner,
                "out_invoice",
                previous,
                "冷轧钢板 SPCC 1.0mm",
                10,
                base / 10,
                invoice_origin=f"S{1000 + index}",
                invoice_date_due=previous + timedelta(days=30),
            )
            sale = self._demo_move(
                partner,
                "out_invoice",
                date_from + timedelta(days=9),
                "镀锌钢管 DN50",
                20,
                base / 40,
                invoice_origin=f"S{2000 + index}",
                invoice_date_due=date_from + timedelta(days=39),
            )
            refund = self._demo_move(
                partner,
                "out_refund",
                date_from + timedelta(days=14),
                "退货:镀锌钢管 DN50",
                2,
                base / 40,
                ref="质量问题退货",
            )
            (opening | sale | refund).action_post()
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=opening.ids
            ).create(
                {
                    "amount": base / 2,
                    "payment_date": date_from + timedelta(days=19),
                    "journal_id": bank.id,
                    "payment_difference_handling": "open",
                }
            )._create_payments()
        statements = self.with_context(sales_statement_no_pdf=True).generate_statements(
            date_from, date_to, partners
        )
        by_partner = {statement.partner_id: statement for statement in statements}
        states = ["draft", "sent", "disputed", "resolved", "confirmed", "done"]
        signature = DEMO_SIGNATURE
        for partner, state in zip(partners, states, strict=True):
            statement = by_partner.get(partner)
            if not statement or state == "draft":
                continue
            statement.action_send()
            if state in ("disputed", "resolved"):
                line = statement.line_ids.filtered(lambda line: line.document_type == "invoice")[
                    -1:
                ]
                statement._action_customer_dispute(
                    [
                        {
                            "statement_line_id": line.id,
                            "their_amount": line.debit - 100.0,
                            "reason": "我方记录的单价比贵方低5元,请核实。",
                        }
                    ]
                )
            if state == "resolved":
                statement.discrepancy_ids.write(
                    {
                        "reason_category": "price",
                        "responsible_side": "customer",
                        "resolution": "经核对合同单价无误,客户已更正其账面记录。",
                    }
                )
                statement.discrepancy_ids.action_resolve()
                statement.action_resolve()
            if state in ("confirmed", "done"):
                statement._action_customer_confirm("财务部 张会计", signature)
            if state == "done":
                statement.action_handover()
