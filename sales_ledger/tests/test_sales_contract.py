from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestSalesContract(SalesLedgerCommon):
    def test_number_from_sequence(self):
        contract = self._create_contract()
        year = fields.Date.today().year
        self.assertRegex(contract.name, rf"^HT{year}-\d{{5}}$")
        self.assertNotEqual(self._create_contract().name, contract.name)

    def test_one_step_approval_records_approver(self):
        contract = self._create_contract()
        with self.assertRaises(UserError):
            contract.action_activate()
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.state, "to_approve")
        with self.assertRaises(AccessError):
            contract.with_user(self.salesman).action_approve("ok")
        contract.with_user(self.sales_manager).action_approve("条款符合公司政策")
        self.assertEqual(contract.state, "approved")
        approval = contract.approval_ids
        self.assertEqual(len(approval), 1)
        self.assertEqual(approval.user_id, self.sales_manager)
        self.assertEqual(approval.opinion, "条款符合公司政策")
        self.assertEqual(approval.step, "supervisor")
        self.assertTrue(approval.date)
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        contract.action_done()
        self.assertEqual(contract.state, "done")

    def test_two_step_approval(self):
        self.env.company.contract_two_step_approval = True
        contract = self._create_contract()
        contract.action_submit()
        contract.with_user(self.sales_manager).action_approve("主管同意")
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(contract.approval_step, "administrator")
        with self.assertRaises(UserError):
            contract.action_activate()
        with self.assertRaises(AccessError):
            contract.with_user(self.sales_manager).action_approve("again")
        contract.with_user(self.contract_admin).action_approve("法务审核通过")
        self.assertEqual(contract.state, "approved")
        self.assertEqual(
            contract.approval_ids.sorted("id").mapped("user_id"),
            self.sales_manager | self.contract_admin,
        )

    def test_reject_returns_to_draft(self):
        contract = self._create_contract()
        contract.action_submit()
        wizard = Form(
            self.env["sales.approval.wizard"]
            .with_user(self.sales_manager)
            .with_context(default_contract_id=contract.id)
        )
        wizard.opinion = "价格过低"
        wizard.save().action_reject()
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.approval_ids.decision, "rejected")
        self.assertEqual(contract.approval_ids.opinion, "价格过低")

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

    def test_performance_one_query_per_batch(self):
        contracts = (
            self._approved_contract() | self._approved_contract() | self._approved_contract()
        )
        for contract in contracts:
            self._create_order(contract_id=contract.id).action_confirm()
        self.env.invalidate_all()
        contracts = contracts.browse(contracts.ids)
        with self.assertQueryCount(8):
            contracts._compute_performance()

    def test_change_wizard_amount_after_approval(self):
        contract = self._approved_contract(amount=10000.0)
        contract.action_activate()
        action = contract.action_open_change_wizard()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.reason = "客户追加数量"
        wizard.content = "增加 5 台设备"
        wizard.amount_after = 15000.0
        wizard.save().action_confirm()
        change = contract.change_ids
        self.assertEqual(change.state, "to_approve")
        self.assertEqual(change.amount_before, 10000.0)
        self.assertEqual(contract.amount, 10000.0)
        with self.assertRaises(AccessError):
            change.with_user(self.salesman).action_approve()
        change.with_user(self.contract_admin).action_approve("同意变更")
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.approver_id, self.contract_admin)
        self.assertEqual(contract.amount, 15000.0)

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

    def test_terminate_wizard(self):
        contract = self._approved_contract()
        contract.action_activate()
        action = contract.action_open_terminate_wizard()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.reason = "客户经营困难，双方协商解除"
        wizard.date = fields.Date.today()
        wizard.save().action_confirm()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.termination_reason, "客户经营困难，双方协商解除")
        self.assertEqual(contract.termination_date, fields.Date.today())
        with self.assertRaises(UserError):
            contract.action_done()

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
