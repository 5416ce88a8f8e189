from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.customer_archive.tests.common_retention import ShippedPolicyMixin

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestRetentionPolicies(ShippedPolicyMixin, SalesLedgerCommon):
    """The policies sales_ledger ships run to the end: the records their own guards keep
    from being deleted (locked months, signed contracts, sent quotations) go with an
    approved destruction request, and only then."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_retention_users("sl_ret")
        cls.today = fields.Date.context_today(cls.env.user)

    def _pay(self, invoice):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": invoice.invoice_date})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))

    def _locked_month(self, date_from):
        period = self.env["sales.ledger.period"].create({"date_from": date_from})
        period.action_generate_lines()
        period.action_submit()
        tier_decide(period, self.sales_manager)
        self.assertEqual(period.state, "locked")
        return period

    def test_locked_ledger_months_destroyed_5_years_later_with_finance(self):
        self._pay(self._invoice("2025-01-10"))
        self._invoice("2025-02-10")  # not settled: February is kept
        january = self._locked_month("2025-01-01")
        february = self._locked_month("2025-02-01")
        march = self.env["sales.ledger.period"].create({"date_from": "2025-03-01"})
        policy = self._shipped_policy("sales_ledger.archive_retention_policy_ledger_period")
        # the month is deleted while its own guard refuses it to anyone
        with self.assertRaisesRegex(Exception, "locked"):
            january.sudo().unlink()
        request = self._destroy(
            policy,
            fields.Date.to_date("2030-03-05"),
            due=january,
            kept=february,
            reason="Open balance: an invoice of the month is not settled",
        )
        self.assertTrue(request.finance_review)
        self.assertIn(self.retention_finance, request.review_ids.done_by)
        self.assertTrue(march.exists(), "an open month is never due")
        self.assertIn("会计档案管理办法", str(policy.note))

    def test_contracts_destroyed_5_years_after_completion_or_termination(self):
        done, terminated, owing, active = (self._approved_contract() for _index in range(4))
        (done | terminated | owing | active).action_activate()
        order = self._create_order(contract_id=owing.id)
        order.action_confirm()
        order._create_invoices().action_post()
        done.action_done()
        owing.action_done()
        terminated._terminate("客户破产", self.today)
        self.assertEqual((done.date_closed, terminated.date_closed), (self.today, self.today))
        policy = self._shipped_policy("sales_ledger.archive_retention_policy_contract")
        self.assertFalse(policy._run_sweep(self.today + relativedelta(years=4, months=11)))
        self._destroy(
            policy,
            self.today + relativedelta(years=5, days=2),
            due=done | terminated,
            kept=owing,
            reason="Open balance: an invoice of the contract is not settled",
        )
        self.assertTrue(active.exists())

    def test_quotations_destroyed_5_years_after_their_validity(self):
        draft, sent, confirmed_late = (
            self._create_order(validity_date=self.today) for _index in range(3)
        )
        (sent | confirmed_late).action_quotation_sent()
        confirmed = self._create_order(validity_date=self.today)
        confirmed.action_confirm()
        policy = self._shipped_policy("sales_ledger.archive_retention_policy_quotation")

        def confirm_late():
            confirmed_late.action_confirm()
            return confirmed_late

        self._destroy(
            policy,
            self.today + relativedelta(years=5, days=2),
            due=draft | sent | confirmed_late,
            reason="Confirmed order: kept with the sales ledger and its invoices",
            protect_after_sweep=confirm_late,
        )
        self.assertTrue(confirmed.exists())

    def test_communication_of_a_customer_with_a_running_contract_kept(self):
        contract = self._approved_contract()
        contract.action_activate()
        archive = self.customer._ensure_archive() or self.customer.archive_id
        log = self.env["customer.archive.communication"].create(
            {"archive_id": archive.id, "purpose": "合同执行沟通", "date": "2020-01-01"}
        )
        self.customer.action_close_customer()
        policy = self._shipped_policy("customer_archive.archive_retention_policy_communication")
        counts = policy._preview_counts(self.today + relativedelta(years=6))[policy.id]
        self.assertEqual(counts["reasons"], {"Running contract with the customer": 1})
        self.assertFalse(policy._run_sweep(self.today + relativedelta(years=6)))
        self.assertTrue(log.exists())
