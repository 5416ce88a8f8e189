from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesLedgerCommon, tier_decide


@tagged("post_install", "-at_install")
class TestSalesLedger(SalesLedgerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Period = cls.env["sales.ledger.period"]
        cls.january = Period.create({"date_from": "2025-01-01"})
        cls.february = Period.create({"date_from": "2025-02-01"})

    def test_period_covers_one_month(self):
        self.assertEqual(str(self.january.date_to), "2025-01-31")
        self.assertEqual(self.january.name, "2025-01")
        with self.assertRaises(ValidationError):
            self.env["sales.ledger.period"].create(
                {"date_from": "2025-03-02", "date_to": "2025-03-31"}
            )

    def test_lines_from_invoices_and_credit_notes(self):
        invoice = self._invoice("2025-01-10", amount=1000.0, quantity=2.0)
        refund = self._invoice("2025-01-20", amount=100.0, move_type="out_refund")
        self._invoice("2025-02-03")  # other month
        self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": "2025-01-15",
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "price_unit": 999.0})
                ],
            }
        )  # draft: ignored
        self.january.action_generate_lines()
        lines = self.january.line_ids
        self.assertEqual(lines.move_id, invoice | refund)
        inv_line = lines.filtered(lambda line: line.move_id == invoice)
        self.assertRecordValues(
            inv_line,
            [
                {
                    "quantity": 2.0,
                    "price_unit": 1000.0,
                    "amount_untaxed": 2000.0,
                    "amount_tax": 300.0,
                    "amount_total": 2300.0,
                    "user_id": self.salesman.id,
                    "partner_id": self.customer.id,
                    "is_late_entry": False,
                }
            ],
        )
        ref_line = lines.filtered(lambda line: line.move_id == refund)
        self.assertRecordValues(
            ref_line,
            [
                {
                    "quantity": -1.0,
                    "amount_untaxed": -100.0,
                    "amount_tax": -15.0,
                    "amount_total": -115.0,
                }
            ],
        )
        self.assertAlmostEqual(self.january.amount_total, 2185.0)
        self.assertEqual(invoice.ledger_period_id, self.january)

    def test_line_keeps_its_document_number_when_the_invoice_line_goes(self):
        invoice = self._invoice("2025-01-10")
        self.january.action_generate_lines()
        line = self.january.line_ids
        self.assertEqual(line.move_id, invoice)
        self.assertEqual(line.move_name, invoice.name)
        # the invoice is reset to draft and its line replaced: the month's book keeps the
        # number it printed
        invoice.button_draft()
        invoice.invoice_line_ids = [
            Command.clear(),
            Command.create({"product_id": self.product.id, "price_unit": 500.0}),
        ]
        line.invalidate_recordset()
        self.assertFalse(line.move_line_id)
        self.assertEqual(line.move_name, invoice.name)

    def test_gap_free_numbering_across_two_months(self):
        jan_b = self._invoice("2025-01-20")
        jan_a = self._invoice("2025-01-05")
        feb = self._invoice("2025-02-02") | self._invoice("2025-02-25")
        self.january.action_generate_lines()
        self.february.action_generate_lines()
        self.assertEqual(self.january.line_ids.sorted("ledger_number").move_id, jan_a | jan_b)
        self.assertEqual(self.january.line_ids.mapped("ledger_number"), [1, 2])
        self.assertEqual(sorted(self.february.line_ids.mapped("ledger_number")), [3, 4])
        # a January document arrives while the month is still open: numbering stays gap-free
        self._invoice("2025-01-31")
        self.january.action_generate_lines()
        self.assertEqual(sorted(self.january.line_ids.mapped("ledger_number")), [1, 2, 3])
        self.assertEqual(sorted(self.february.line_ids.mapped("ledger_number")), [4, 5])
        self.assertEqual(
            self.february.line_ids.sorted("ledger_number").move_id, feb.sorted("invoice_date")
        )

    def test_anomalies_block_submission_until_accepted(self):
        self._invoice("2025-01-03", user=False)  # no salesperson
        self._invoice("2025-01-04", amount=500.0)  # below cost 800
        applicant = self.env["res.partner"].create(
            {"name": "待审客户", "is_company": True, "archive_state": "draft"}
        )
        self._invoice("2025-01-05", partner=applicant)
        with_rebate = self._invoice("2025-01-06", amount=1200.0)
        with_rebate.button_draft()
        with_rebate.write(
            {
                "invoice_line_ids": [
                    Command.create({"name": "返利", "price_unit": -50.0, "tax_ids": False})
                ]
            }
        )
        with_rebate.action_post()  # negative line on an invoice (warning only)
        self._invoice("2025-01-07", amount=1200.0)  # clean
        self.january.action_generate_lines()
        anomalies = self.january.anomaly_ids
        self.assertEqual(
            sorted(anomalies.mapped("anomaly_type")),
            ["below_cost", "negative_line", "no_salesperson", "unapproved_customer"],
        )
        self.assertFalse(anomalies.filtered(lambda a: a.anomaly_type == "negative_line").blocking)
        self.assertEqual(self.january.blocking_anomaly_count, 3)
        with self.assertRaisesRegex(UserError, "blocking anomalies"):
            self.january.with_user(self.finance).action_submit()
        with self.assertRaises(AccessError):
            self.january.with_user(self.finance).action_accept_anomalies()
        january = self.january.with_user(self.sales_manager)
        # the button asks for the explanation; the model refuses an acceptance without one
        action = january.action_accept_anomalies()
        self.assertEqual(action["res_model"], "sales.ledger.anomaly.accept.wizard")
        for blank in ("", "   "):
            with self.assertRaisesRegex(UserError, "explanation is required"):
                january.action_accept_anomalies(blank)
        with self.assertRaises(AccessError):
            anomalies[0].with_user(self.sales_manager).write({"explanation": "见附件"})
        self.assertEqual(self.january.blocking_anomaly_count, 3)
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.sales_manager)
            .with_context(**action["context"])
            .create({"explanation": "客户为战略客户，经总经理批准特价"})
        )
        self.assertEqual(wizard.anomaly_ids, anomalies.filtered("blocking"))
        wizard.action_confirm()
        self.january.invalidate_recordset()
        self.assertEqual(self.january.blocking_anomaly_count, 0)
        self.assertTrue(
            all(a.accepted_by_id == self.sales_manager for a in anomalies if a.blocking)
        )
        self.assertEqual(
            set(anomalies.filtered("blocking").mapped("explanation")),
            {"客户为战略客户，经总经理批准特价"},
        )
        self.january.with_user(self.finance).action_submit()
        self.assertEqual(self.january.state, "submitted")

    def test_lock_freezes_period(self):
        self._invoice("2025-01-10")
        self.january.action_generate_lines()
        self.january.action_submit()
        with self.assertRaises(UserError):
            self.january.action_generate_lines()
        with self.assertRaises(AccessError):
            tier_decide(self.january, self.finance)
        tier_decide(self.january, self.sales_manager)
        self.assertEqual(self.january.state, "locked")
        self.assertEqual(self.january.locked_by_id, self.sales_manager)
        with self.assertRaises(UserError):
            self.january.action_generate_lines()
        with self.assertRaises(UserError):
            self.january.line_ids.write({"quantity": 5})
        with self.assertRaises(UserError):
            self.january.line_ids.unlink()
        with self.assertRaises(UserError):
            self.january.unlink()

    def test_months_are_locked_in_order(self):
        self.february.action_generate_lines()
        self.february.action_submit()
        with self.assertRaisesRegex(UserError, "earlier months"):
            tier_decide(self.february, self.sales_manager)

    def test_late_entry_goes_to_next_open_period(self):
        self._invoice("2025-01-10")
        self._invoice("2025-02-10")
        self.january.action_generate_lines()
        self.january.action_submit()
        tier_decide(self.january, self.sales_manager)
        late = self._invoice("2025-01-28")  # posted into the locked month
        self.february.action_generate_lines()
        self.assertEqual(len(self.january.line_ids), 1)
        late_line = self.february.line_ids.filtered("is_late_entry")
        self.assertEqual(late_line.move_id, late)
        self.assertEqual(self.february.late_entry_count, 1)
        self.assertEqual(late.ledger_period_id, self.february)
        self.assertTrue(late.ledger_late_entry)
        self.assertEqual(sorted(self.february.line_ids.mapped("ledger_number")), [2, 3])
        # regenerating February keeps the late entry exactly once
        self.february.action_generate_lines()
        self.assertEqual(len(self.february.line_ids), 2)

    def test_lines_link_order_and_contract(self):
        contract = self._approved_contract()
        contract.action_activate()
        order = self._create_order(contract_id=contract.id)
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = "2025-01-15"
        invoice.action_post()
        self.january.action_generate_lines()
        self.assertRecordValues(
            self.january.line_ids,
            [{"sale_order_id": order.id, "contract_id": contract.id, "move_id": invoice.id}],
        )

    def test_lines_of_an_invoice_share_its_document(self):
        order = self._create_order()
        order.order_line.copy({"order_id": order.id, "product_uom_qty": 2.0})
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.write({"invoice_date": "2025-01-15", "team_id": False})
        invoice.action_post()
        self.january.action_generate_lines()
        lines = self.january.line_ids
        self.assertEqual(len(lines), 2)
        self.assertEqual(len(lines.document_id), 1)
        # the invoice has no sales team: the channel is its sales order's
        self.assertRecordValues(
            lines.document_id,
            [
                {
                    "move_id": invoice.id,
                    "move_name": invoice.name,
                    "partner_id": self.customer.id,
                    "user_id": invoice.invoice_user_id.id,
                    "team_id": order.team_id.id,
                }
            ],
        )
        self.assertTrue(order.team_id)
        # the lines are searched and grouped by what their document holds
        Line = self.env["sales.ledger.line"]
        self.assertEqual(Line.search([("partner_id", "=", self.customer.id)]), lines)
        groups = Line._read_group(
            [("period_id", "=", self.january.id)], ["team_id"], ["amount_total:sum"]
        )
        self.assertEqual(groups, [(order.team_id, sum(lines.mapped("amount_total")))])
        # generated again: the month's documents are replaced, not added
        self.january.action_generate_lines()
        documents = self.env["sales.ledger.document"].search([("period_id", "=", self.january.id)])
        self.assertEqual(documents, self.january.line_ids.document_id)
        self.assertEqual(len(documents), 1)
        # what the ledger recorded is read, never rewritten, by its users
        for user in (self.finance, self.sales_manager):
            self.assertEqual(documents.with_user(user).partner_id, self.customer)
            with self.assertRaises(AccessError):
                documents.with_user(user).write({"partner_id": self.other_customer.id})
            with self.assertRaises(AccessError):
                documents.with_user(user).unlink()

    def test_generation_query_count_is_constant(self):
        for day in range(1, 21):
            self._invoice(f"2025-01-{day:02d}")
        self.env.invalidate_all()
        with self.assertQueryCount(25):
            self.january.action_generate_lines()
        self.assertEqual(len(self.january.line_ids), 20)

    def test_price_below_list_floor(self):
        """List price 1000 less the team's 10% discount limit: the floor is 900."""
        below = self._invoice("2025-01-03", amount=850.0)  # above the cost of 800
        below.team_id = self.team
        within = self._invoice("2025-01-04", amount=950.0)
        within.team_id = self.team
        no_team = self._invoice("2025-01-05", amount=950.0)  # no team: no discount granted
        no_team.team_id = False
        self.january.action_generate_lines()
        floor = self.january.anomaly_ids.filtered(lambda a: a.anomaly_type == "below_floor")
        self.assertEqual(floor.move_id, below | no_team)
        self.assertTrue(all(floor.mapped("blocking")))
        self.assertFalse(
            self.january.anomaly_ids.filtered(lambda a: a.anomaly_type == "below_cost")
        )

    def test_missing_earlier_months_are_created_and_generated(self):
        march = self._invoice("2025-03-20")
        april = self._invoice("2025-04-02")
        self._invoice("2025-01-10")
        self.january.action_generate_lines()
        period = self.env["sales.ledger.period"].create({"date_from": "2025-04-01"})
        period.action_generate_lines()
        created = self.env["sales.ledger.period"].search([("date_from", "=", "2025-03-01")])
        self.assertTrue(created, "March is created with April")
        self.assertEqual(created.line_ids.move_id, march)
        self.assertEqual(period.line_ids.move_id, april)
        self.assertEqual(created.line_ids.ledger_number, 2)
        self.assertEqual(period.line_ids.ledger_number, 3)
        self.assertEqual(self.january.line_ids.ledger_number, 1)
        numbering = self.env["sales.ledger.year"].search(
            [("company_id", "=", self.env.company.id), ("year", "=", 2025)]
        )
        self.assertEqual(numbering.last_number, 3)

    def test_month_with_missing_earlier_month_is_not_locked(self):
        self.january.action_submit()
        tier_decide(self.january, self.sales_manager)
        self.february.action_submit()
        tier_decide(self.february, self.sales_manager)
        april = self.env["sales.ledger.period"].create({"date_from": "2025-04-01"})
        april.action_submit()  # neither generated nor March created
        with self.assertRaisesRegex(UserError, "earlier months"):
            tier_decide(april, self.sales_manager)

    def test_month_before_a_locked_month_is_refused(self):
        Period = self.env["sales.ledger.period"]
        june = Period.create({"date_from": "2024-06-01"})  # the company starts in June 2024
        june.action_generate_lines()
        self.assertFalse(Period.search([("date_from", "<", "2024-06-01")]))
        june.action_submit()
        tier_decide(june, self.sales_manager)
        with self.assertRaisesRegex(UserError, "already reviewed and locked"):
            Period.create({"date_from": "2024-03-01"})

    def test_invoice_in_month_without_period_is_an_anomaly(self):
        Period = self.env["sales.ledger.period"]
        Period.create({"date_from": "2024-11-01"})  # December 2024 was never opened
        lost = self._invoice("2024-12-15")
        self._invoice("2024-10-15")  # before the company's first sales ledger: not its scope
        self.january.action_generate_lines()
        missing = self.january.anomaly_ids.filtered(lambda a: a.anomaly_type == "no_period")
        self.assertEqual(missing.move_id, lost)
        self.assertTrue(missing.blocking)
        self.assertFalse(self.january.line_ids)

    def test_lines_carry_the_regulation_columns(self):
        """000: 规格、型号, 销售区域, 销售渠道 and the buyer's contact on every line."""
        shanghai = self.env.ref("base.state_cn_SH")
        self.customer.state_id = shanghai
        self.assertEqual(
            self.customer.sales_region_id, self.env.ref("sales_ledger.sales_region_east")
        )
        contact = self.env["res.partner"].create(
            {"name": "王经理", "parent_id": self.customer.id, "phone": "021-62345678"}
        )
        color = self.env["product.attribute"].create(
            {"name": "颜色", "value_ids": [Command.create({"name": "红色"})]}
        )
        size = self.env["product.attribute"].create(
            {"name": "尺寸", "value_ids": [Command.create({"name": "XL"})]}
        )
        template = self.env["product.template"].create(
            {
                "name": "工作服",
                "default_code": "GZF-01",
                "list_price": 100.0,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": color.id, "value_ids": [Command.set(color.value_ids.ids)]}
                    ),
                    Command.create(
                        {"attribute_id": size.id, "value_ids": [Command.set(size.value_ids.ids)]}
                    ),
                ],
            }
        )
        variant = template.product_variant_id
        self.product.product_tmpl_id.sales_specification = "YJ-200 型 380V"
        by_variant = self._invoice("2025-01-10", amount=100.0, product=variant, partner=contact)
        by_variant.team_id = self.team
        by_field = self._invoice("2025-01-11")
        self.january.action_generate_lines()
        line = self.january.line_ids.filtered(lambda line: line.move_id == by_variant)
        self.assertRecordValues(
            line,
            [
                {
                    "partner_id": self.customer.id,
                    "contact_name": contact.name,
                    "contact_phone": "021-62345678",
                    "region_id": self.env.ref("sales_ledger.sales_region_east").id,
                    "team_id": self.team.id,
                    "product_code": "GZF-01",
                    "specification": "红色, XL",
                }
            ],
        )
        other = self.january.line_ids.filtered(lambda line: line.move_id == by_field)
        self.assertEqual(other.specification, "YJ-200 型 380V")
        self.assertEqual(other.contact_name, self.customer.name)
        # the unit as printed, in the company's language
        lang = self.env.company.partner_id.lang or "en_US"
        self.assertEqual(other.uom_name, self.product.uom_id.with_context(lang=lang).name)

    def test_region_is_configurable(self):
        region = self.env["sales.region"].create(
            {"name": "长三角", "state_ids": [Command.set(self.env.ref("base.state_cn_JS").ids)]}
        )
        self.other_customer.state_id = self.env.ref("base.state_cn_JS")
        self.assertIn(
            self.other_customer.sales_region_id,
            region | self.env.ref("sales_ledger.sales_region_east"),
        )
        self.other_customer.sales_region_id = region  # set by hand
        self.assertEqual(self.other_customer.sales_region_id, region)
        with self.assertRaises(AccessError):
            self.env["sales.region"].with_user(self.salesman).create({"name": "西部"})

    def test_month_end_job_opens_the_month_and_reminds_once(self):
        Period = self.env["sales.ledger.period"]
        self.env.company.sales_ledger_reviewer_id = self.sales_manager
        with freeze_time("2025-04-02"):
            Period.sudo()._cron_month_end()
        april = Period.search([("date_from", "=", "2025-04-01")])
        self.assertTrue(april, "the month is opened")
        self.assertTrue(Period.search([("date_from", "=", "2025-03-01")]), "with March")
        self.assertFalse(april.activity_ids, "no reminder before the month's end")
        with freeze_time("2025-04-29"):
            Period.sudo()._cron_month_end()
            Period.sudo()._cron_month_end()
        self.assertEqual(april.activity_ids.user_id, self.sales_manager)
        self.assertEqual(len(april.activity_ids), 1, "reminded once")
