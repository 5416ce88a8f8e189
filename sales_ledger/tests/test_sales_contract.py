from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestSalesContract(SalesLedgerCommon):
    def test_number_from_sequence(self):
        contract = self._create_contract()
        year = fields.Date.today().year
        self.assertRegex(contract.name, rf"^HT{year}-\d{{5}}$")
        self.assertNotEqual(self._create_contract().name, contract.name)

    def test_supervisor_then_contract_administrator(self):
        contract = self._create_contract()
        with self.assertRaises(UserError):
            contract.action_activate()
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(
            contract.review_ids.sorted("sequence").definition_id,
            self.env.ref("sales_ledger.tier_contract_supervisor")
            | self.env.ref("sales_ledger.tier_contract_administrator"),
        )
        # The salesperson never approves his contract; the administrator waits his turn.
        for user in (self.salesman, self.contract_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(contract, user)
        self.assertTrue(contract.with_user(self.sales_manager).can_review)
        tier_decide(contract, self.sales_manager, comment="条款符合公司政策")
        self.assertEqual(contract.state, "to_approve")
        self.assertIn(
            self.env.ref("sales_ledger.tier_contract_administrator").name, contract.next_review
        )
        with self.assertRaises(UserError):
            contract.action_activate()
        tier_decide(contract, self.contract_admin, comment="法务审核通过")
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.validation_status, "validated")
        reviews = contract.review_ids.sorted("sequence")
        self.assertEqual(
            [review.done_by for review in reviews], [self.sales_manager, self.contract_admin]
        )
        self.assertEqual(reviews.mapped("comment"), ["条款符合公司政策", "法务审核通过"])
        self.assertTrue(all(reviews.mapped("reviewed_date")))
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        contract.action_done()
        self.assertEqual(contract.state, "done")

    def test_one_person_signs_one_tier(self):
        self.sales_manager.groups_id += self.env.ref("sales_ledger.group_contract_manager")
        contract = self._create_contract()
        contract.action_submit()
        tier_decide(contract, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(contract, self.sales_manager)
        tier_decide(contract, self.contract_admin)
        self.assertEqual(contract.state, "approved")

    def test_sales_manager_does_not_approve_his_own_contract(self):
        contract = self._create_contract(user=self.sales_manager)
        contract.with_user(self.sales_manager).action_submit()
        self.assertNotIn(self.sales_manager, contract.review_ids.reviewer_ids)
        with self.assertRaises(AccessError):
            tier_decide(contract, self.sales_manager)
        tier_decide(contract, self.sales_director)
        tier_decide(contract, self.contract_admin)
        self.assertEqual(contract.state, "approved")

    def test_reject_returns_to_draft(self):
        contract = self._create_contract()
        contract.with_user(self.salesman).action_submit()
        tier_decide(contract, self.sales_manager, approve=False, comment="价格过低")
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.validation_status, "rejected")
        rejected = contract.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertEqual(rejected.done_by, self.sales_manager)
        self.assertEqual(rejected.comment, "价格过低")
        self.assertIn("价格过低", "".join(contract.message_ids.mapped("body")))
        # Corrected in draft and submitted again: a new round of reviews.
        contract.with_user(self.salesman).write({"amount": 12000.0})
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(
            contract.review_ids.sorted("sequence").mapped("status"), ["pending", "waiting"]
        )
        self.assertIn("价格过低", "".join(contract.message_ids.mapped("body")))

    def test_definition_decides_who_approves(self):
        # The legal review moves from the contract administrators to one named person.
        legal = new_test_user(
            self.env, "sl_legal", groups="sales_team.group_sale_salesman_all_leads", name="法务"
        )
        with Form(self.env.ref("sales_ledger.tier_contract_administrator")) as definition:
            definition.review_type = "individual"
            definition.reviewer_id = legal
        contract = self._create_contract()
        contract.action_submit()
        tier_decide(contract, self.sales_manager)
        with self.assertRaises(AccessError):
            tier_decide(contract, self.contract_admin)
        tier_decide(contract, legal)
        self.assertEqual(contract.state, "approved")

    def test_no_tier_no_approval(self):
        self.env["tier.definition"].search([("model", "=", "sales.contract")]).active = False
        contract = self._create_contract()
        contract.action_submit()
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.review_ids)

    def test_form_validates_and_stays_editable_after_approval(self):
        form = etree.fromstring(self.env["sales.contract"].get_view(view_type="form")["arch"])
        for button in ("validate_tier", "reject_tier", "request_validation"):
            self.assertTrue(form.xpath(f"//button[@name='{button}']"), button)
        # Read-only while reviewed, as the server has it; not for ever once approved.
        [location] = form.xpath("//field[@name='original_location']")
        self.assertEqual(location.get("readonly"), "state == 'to_approve'")

    def test_cancel_under_review_drops_the_reviews(self):
        contract = self._create_contract()
        contract.action_submit()
        tier_decide(contract, self.sales_manager)
        contract.with_user(self.salesman).action_cancel()
        self.assertEqual(contract.state, "cancelled")
        self.assertFalse(contract.review_ids)

    def test_order_link_same_customer_and_company(self):
        contract = self._approved_contract()
        order = self._create_order(partner=self.other_customer)
        with self.assertRaises(ValidationError):
            order.contract_id = contract
        draft_contract = self._create_contract()
        order_ok = self._create_order()
        with self.assertRaises(ValidationError):
            order_ok.contract_id = draft_contract
        order_ok.contract_id = contract
        self.assertEqual(contract.sale_order_ids, order_ok)
        other_company = self.setup_other_company()["company"]
        contract_2 = self._approved_contract()
        contract_2.sudo().write({"company_id": other_company.id})
        with self.assertRaises(UserError):
            order_ok.contract_id = contract_2

    def test_performance_status_follows_orders(self):
        contract = self._approved_contract(amount=2300.0)
        contract.action_activate()
        self.assertEqual(contract.performance_status, "none")
        order = self._create_order(qty=2.0, price=1000.0, contract_id=contract.id)
        order.action_confirm()
        self.assertEqual(contract.performance_status, "none")
        order.order_line.qty_delivered = 1.0
        self.assertEqual(contract.performance_status, "partial")
        self.assertAlmostEqual(contract.delivered_amount, 1150.0)
        order.order_line.qty_delivered = 2.0
        self.assertEqual(contract.performance_status, "partial")
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertAlmostEqual(contract.invoiced_amount, 2300.0)
        self.assertEqual(contract.performance_status, "full")
        self.assertEqual(invoice.contract_id, contract)

    def _invoiced_contract(self):
        """An active contract of 2,300.00 whose order is delivered and invoiced in full."""
        contract = self._approved_contract(amount=2300.0)
        contract.action_activate()
        order = self._create_order(qty=2.0, price=1000.0, contract_id=contract.id)
        order.action_confirm()
        order.order_line.qty_delivered = 2.0
        invoice = order._create_invoices()
        invoice.action_post()
        return contract, invoice

    def _pay(self, invoice, amount):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": amount})._create_payments()

    def test_collected_and_outstanding_per_contract(self):
        """财务跟踪回款 (regulation 000): collected and outstanding amounts per contract."""
        contract, invoice = self._invoiced_contract()
        self.assertAlmostEqual(contract.outstanding_amount, 2300.0)
        self._pay(invoice, 1000.0)
        self.assertAlmostEqual(contract.collected_amount, 1000.0)
        self.assertAlmostEqual(contract.outstanding_amount, 1300.0)
        self._pay(invoice, 1300.0)
        self.assertAlmostEqual(contract.collected_amount, 2300.0)
        self.assertAlmostEqual(contract.outstanding_amount, 0.0)

    def test_written_off_receivable_is_not_collected(self):
        """A bad debt written off (a miscellaneous entry matched with the receivable) is not
        collected, nor owed any more."""
        contract, invoice = self._invoiced_contract()
        self._pay(invoice, 1000.0)
        receivable = invoice.line_ids.filtered(lambda line: line.display_type == "payment_term")
        write_off = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.company_data["default_journal_misc"].id,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "partner_id": invoice.commercial_partner_id.id,
                            "credit": 300.0,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": self.company_data["default_account_expense"].id,
                            "debit": 300.0,
                        }
                    ),
                ],
            }
        )
        write_off.action_post()
        (receivable | write_off.line_ids.filtered("credit")).reconcile()
        self.assertAlmostEqual(contract.collected_amount, 1000.0)
        self.assertAlmostEqual(contract.written_off_amount, 300.0)
        self.assertAlmostEqual(contract.outstanding_amount, 1000.0)

    def test_performance_in_contract_currency_at_document_dates(self):
        """Order, invoice and payment in the company's currency (USD), the contract in EUR:
        each converted at its own date."""
        eur = self.setup_other_currency("EUR", rates=[("2024-01-01", 2.0), ("2025-01-01", 4.0)])
        contract = self._approved_contract(amount=10000.0, currency_id=eur.id)
        contract.action_activate()
        order = self._create_order(qty=2.0, price=1000.0, contract_id=contract.id)
        order.action_confirm()
        order.order_line.qty_delivered = 2.0
        self.assertAlmostEqual(contract.delivered_amount, 2300.0 * 4.0)  # today: rate 4
        invoice = order._create_invoices()
        invoice.invoice_date = "2024-06-01"
        invoice.action_post()
        self.assertAlmostEqual(contract.invoiced_amount, 2300.0 * 2.0)  # 2024: rate 2
        self.assertEqual(contract.collected_amount, 0.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 1150.0, "payment_date": "2025-03-01"})._create_payments()
        self.assertAlmostEqual(contract.collected_amount, 1150.0 * 4.0)  # 2025: rate 4
        self.assertEqual(contract.performance_status, "partial")

    def test_overdue_performance_activity_once(self):
        yesterday = fields.Date.today() - timedelta(days=1)
        start = yesterday - timedelta(days=30)
        late = self._approved_contract(amount=5000.0, date_start=start, date_end=yesterday)
        performed = self._approved_contract(amount=1150.0, date_start=start, date_end=yesterday)
        running = self._approved_contract(date_end=fields.Date.today() + timedelta(days=5))
        (late | performed | running).action_activate()
        order = self._create_order(qty=1.0, price=1000.0, contract_id=performed.id)
        order.action_confirm()
        order.order_line.qty_delivered = 1.0
        order._create_invoices().action_post()
        self.assertEqual(performed.performance_status, "full")
        activities = self.env["mail.activity"].search([("res_model", "=", "sales.contract")])
        self.env["sales.contract"]._cron_overdue_performance()
        new = self.env["mail.activity"].search([("res_model", "=", "sales.contract")]) - activities
        self.assertEqual(new.mapped("res_id"), late.ids)
        self.assertEqual(new.user_id, self.salesman)
        self.assertIn("without full performance", new.summary)
        self.assertTrue(late.overdue_reminded)
        self.env["sales.contract"]._cron_overdue_performance()
        self.assertEqual(
            self.env["mail.activity"].search_count([("res_model", "=", "sales.contract")]),
            len(activities) + 1,
            "raised once",
        )
        with self.assertRaises(AccessError):
            late.with_user(self.salesman).write({"overdue_reminded": False})

    def test_contract_types_are_configurable(self):
        annual = self.env.ref("sales_ledger.sales_contract_type_annual")
        contract = self._create_contract(type_id=annual.id)
        self.assertEqual(contract.type_id, annual)
        maintenance = (
            self.env["sales.contract.type"]
            .with_user(self.contract_admin)
            .create({"name": "维保合同", "code": "WB"})
        )
        contract.with_user(self.salesman).type_id = maintenance
        self.assertEqual(contract.type_id, maintenance)
        with self.assertRaises(AccessError):
            self.env["sales.contract.type"].with_user(self.salesman).create({"name": "其他"})

    def test_performance_one_query_per_batch(self):
        contracts = (
            self._approved_contract() | self._approved_contract() | self._approved_contract()
        )
        for contract in contracts:
            self._create_order(contract_id=contract.id).action_confirm()
        self.env.flush_all()
        self.env.invalidate_all()
        contracts = contracts.browse(contracts.ids)
        for name in ("delivered_amount", "invoiced_amount", "performance_status"):
            self.env.add_to_compute(contracts._fields[name], contracts)
        # As the ORM recomputes them: one query for the figures of the batch.
        with self.assertQueryCount(8):
            contracts.mapped("performance_status")

    def test_change_wizard_amount_after_approval(self):
        contract = self._approved_contract(amount=10000.0)
        contract.action_activate()
        action = contract.with_user(self.salesman).action_open_change_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.salesman).with_context(**action["context"])
        )
        wizard.reason = "客户追加数量"
        wizard.content = "增加 5 台设备"
        wizard.amount_after = 15000.0
        wizard.save().action_confirm()
        change = contract.change_ids
        self.assertEqual(change.state, "to_approve")
        self.assertEqual(change.change_type, "change")
        self.assertEqual(change.requested_by_id, self.salesman)
        self.assertEqual(change.amount_before, 10000.0)
        self.assertEqual(contract.amount, 10000.0)
        for user in (self.salesman, self.contract_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tier_decide(change, user)
        tier_decide(change, self.sales_manager, comment="同意变更")
        self.assertEqual(contract.amount, 10000.0)
        tier_decide(change, self.contract_admin, comment="变更协议已审核")
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.approver_id, self.contract_admin)
        self.assertTrue(change.approval_date)
        self.assertEqual(contract.amount, 15000.0)

    def test_change_rejected(self):
        contract = self._approved_contract(amount=10000.0)
        change = (
            self.env["sales.contract.change"]
            .with_user(self.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "reason": "降价",
                    "content": "单价下调",
                    "amount_after": 8000.0,
                }
            )
        )
        tier_decide(change, self.sales_manager, approve=False, comment="不同意降价")
        self.assertEqual(change.state, "rejected")
        self.assertEqual(change.approver_id, self.sales_manager)
        self.assertEqual(change.review_ids.filtered("comment").comment, "不同意降价")
        self.assertEqual(contract.amount, 10000.0)

    def test_changes_of_running_contracts_only(self):
        draft = self._create_contract()
        with self.assertRaises(UserError):
            self.env["sales.contract.change"].create(
                {"contract_id": draft.id, "reason": "调价", "content": "单价调整"}
            )

    def test_dispute_lifecycle(self):
        contract = self._approved_contract()
        dispute = self.env["sales.contract.dispute"].create(
            {"name": "延迟交货", "contract_id": contract.id, "cause": "物流延误"}
        )
        self.assertEqual(dispute.partner_id, self.customer)
        dispute.action_handle()
        dispute.write({"handling": "协商补偿", "result": "减免运费"})
        dispute.action_resolve()
        self.assertEqual(dispute.state, "resolved")
        self.assertEqual(contract.dispute_count, 1)

    def test_termination_is_approved(self):
        contract = self._approved_contract()
        contract.action_activate()
        action = contract.with_user(self.salesman).action_open_terminate_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.salesman).with_context(**action["context"])
        )
        wizard.reason = "客户经营困难，双方协商解除"
        wizard.date = fields.Date.today()
        wizard.save().action_confirm()
        # Requested, not terminated: the supervisor and the administrator approve it.
        self.assertEqual(contract.state, "active")
        termination = contract.change_ids
        self.assertEqual(termination.change_type, "termination")
        self.assertEqual(termination.state, "to_approve")
        with self.assertRaises(AccessError):
            tier_decide(termination, self.salesman)
        tier_decide(termination, self.sales_manager)
        self.assertEqual(contract.state, "active")
        tier_decide(termination, self.contract_admin)
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.termination_reason, "客户经营困难，双方协商解除")
        self.assertEqual(contract.termination_date, fields.Date.today())
        with self.assertRaises(UserError):
            contract.action_done()

    def test_rescission_and_termination_are_two_outcomes(self):
        rescinded, terminated = self._approved_contract(), self._approved_contract()
        (rescinded | terminated).action_activate()
        for contract, ending, reason in (
            (rescinded, "rescission", "客户严重违约，我方行使解除权"),
            (terminated, "termination", "合同约定的终止条件成就"),
        ):
            action = contract.with_user(self.salesman).action_open_terminate_wizard()
            wizard = Form(
                self.env[action["res_model"]]
                .with_user(self.salesman)
                .with_context(**action["context"])
            )
            wizard.ending = ending
            wizard.reason = reason
            wizard.save().action_confirm()
            request = contract.change_ids
            self.assertEqual((request.change_type, request.ending), ("termination", ending))
            # the same two tiers as any change
            tier_decide(request, self.sales_manager)
            self.assertEqual(contract.state, "active")
            tier_decide(request, self.contract_admin)
        self.assertEqual(rescinded.state, "rescinded")
        self.assertEqual(terminated.state, "terminated")
        self.assertEqual(rescinded.termination_reason, "客户严重违约，我方行使解除权")
        self.assertEqual(rescinded.date_closed, fields.Date.today())
        self.assertIn("Rescission of contract", rescinded.change_ids.content)
        # an ended contract takes no more orders, changes or state writes
        for contract in rescinded | terminated:
            with self.assertRaises(UserError):
                self.env["sales.contract.change"].create(
                    {"contract_id": contract.id, "reason": "调价", "content": "单价调整"}
                )
            with self.assertRaises(UserError):
                contract.action_done()
        with self.assertRaises(UserError):
            rescinded.with_user(self.salesman).write({"state": "terminated"})

    def test_ending_of_a_plain_change_is_empty(self):
        contract = self._approved_contract()
        change = self.env["sales.contract.change"].create(
            {
                "contract_id": contract.id,
                "reason": "调价",
                "content": "单价调整",
                "ending": "rescission",
            }
        )
        self.assertFalse(change.ending)

    def test_termination_rejected_keeps_the_contract(self):
        contract = self._approved_contract()
        termination = (
            self.env["sales.contract.change"]
            .with_user(self.salesman)
            .create(
                {
                    "contract_id": contract.id,
                    "change_type": "termination",
                    "reason": "客户要求",
                    "content": "解除合同",
                }
            )
        )
        tier_decide(termination, self.sales_manager, approve=False, comment="继续履行")
        self.assertEqual(termination.state, "rejected")
        self.assertEqual(contract.state, "approved")

    def test_expiry_reminder_activity(self):
        self.env.company.contract_expiry_reminder_days = 30
        today = fields.Date.today()
        soon = self._approved_contract(date_end=today + timedelta(days=10))
        later = self._approved_contract(date_end=today + timedelta(days=90))
        (soon | later).action_activate()
        self.env["sales.contract"]._cron_expiry_reminders()
        self.assertEqual(len(soon.activity_ids), 1)
        self.assertEqual(soon.activity_ids.user_id, self.salesman)
        self.assertFalse(later.activity_ids)
        self.env["sales.contract"]._cron_expiry_reminders()
        self.assertEqual(len(soon.activity_ids), 1, "one reminder only")

    def test_only_draft_contracts_deleted(self):
        contract = self._approved_contract()
        with self.assertRaises(UserError):
            contract.unlink()
        draft = self._create_contract()
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_partner_contract_smart_button(self):
        self._create_contract()
        self._create_contract()
        contact = self.env["res.partner"].create({"name": "王经理", "parent_id": self.customer.id})
        self._create_contract(partner=self.customer)
        self.assertEqual(self.customer.sales_contract_count, 3)
        action = contact.action_view_sales_contracts()
        self.assertEqual(self.env["sales.contract"].search_count(action["domain"]), 3)
