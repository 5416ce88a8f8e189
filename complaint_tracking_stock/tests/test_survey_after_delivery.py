import re

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.complaint_tracking.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestSurveyAfterDelivery(ComplaintCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.complaint_survey_after_invoice = True
        cls.carton = cls.env["product.product"].create(
            {
                "name": "五层瓦楞纸箱",
                "is_storable": True,
                "list_price": 12.5,
                "invoice_policy": "delivery",
            }
        )
        cls.design = cls.env["product.product"].create(
            {"name": "包装设计服务", "type": "service", "list_price": 3000.0}
        )
        cls.Survey = cls.env["customer.satisfaction.survey"]

    def _order(self, product, qty):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": qty})],
            }
        )
        order.action_confirm()
        return order

    def _deliver(self, order):
        picking = order.picking_ids
        picking.move_ids.quantity = picking.move_ids.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def _invoice(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def test_one_survey_per_delivery_none_for_its_invoice(self):
        order = self._order(self.carton, 300)
        self.assertFalse(self.Survey.search([("partner_id", "=", self.customer.id)]))
        picking = self._deliver(order)
        survey = self.Survey.search([("picking_id", "=", picking.id)])
        self.assertEqual(len(survey), 1)
        self.assertEqual(survey.partner_id, self.customer)
        self.assertEqual(survey.origin_ref, picking.name)
        mail = survey.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(mail), 1)
        self.assertIn(picking.name, mail.body)
        # The goods were surveyed at delivery: their invoice sends no second survey.
        invoice = self._invoice(order)
        self.assertFalse(self.Survey.search([("invoice_id", "=", invoice.id)]))
        self.assertEqual(self.Survey.search_count([("partner_id", "=", self.customer.id)]), 1)

    def test_services_are_surveyed_at_invoice(self):
        invoice = self._invoice(self._order(self.design, 1))
        survey = self.Survey.search([("invoice_id", "=", invoice.id)])
        self.assertEqual(len(survey), 1)
        self.assertEqual(survey.origin_ref, invoice.name)

    def test_no_survey_when_the_company_does_not_survey(self):
        self.company.complaint_survey_after_invoice = False
        picking = self._deliver(self._order(self.carton, 10))
        self.assertFalse(self.Survey.search([("picking_id", "=", picking.id)]))

    def test_customer_answers_the_delivery_survey_from_the_mail(self):
        picking = self._deliver(self._order(self.carton, 300))
        survey = self.Survey.search([("picking_id", "=", picking.id)])
        mail = survey.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        link = re.search(r'href="[^"]*(/my/satisfaction/\d+\?access_token=[^"]+)"', mail.body)
        self.assertTrue(link, mail.body)
        # The customer opens the e-mailed link without an account and gives delivery a 1.
        self.start_tour(link.group(1).replace("&amp;", "&"), "complaint_tracking_survey_tour")
        self.assertEqual(survey.state, "answered")
        self.assertEqual(survey.score_delivery, 1)
        self.assertEqual(survey.complaint_id.channel, "survey")
        self.assertIn(picking.name, survey.complaint_id.description)
        self.start_tour(
            "/odoo/action-complaint_tracking.customer_complaint_action",
            "complaint_tracking_survey_complaint_tour",
            login="ct_cs_user",
        )
