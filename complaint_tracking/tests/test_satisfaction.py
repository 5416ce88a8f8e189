from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from .common import ComplaintCommon

ANSWER = {
    "score_quality": "5",
    "score_response": "4",
    "score_speed": "4",
    "score_attitude": "5",
    "score_delivery": "4",
}


@tagged("post_install", "-at_install")
class TestSurveyAfterInvoice(AccountTestInvoicingCommon):
    def test_posted_invoice_sends_one_survey(self):
        customer = self.partner_a
        customer.email = "caigou@xinghe.example.com"
        invoice = self.init_invoice("out_invoice", partner=customer, amounts=[1000.0])
        Survey = self.env["customer.satisfaction.survey"]
        # Off by default: the company chooses to survey after each delivery.
        invoice.action_post()
        self.assertFalse(Survey.search([("invoice_id", "=", invoice.id)]))

        self.env.company.complaint_survey_after_invoice = True
        second = self.init_invoice("out_invoice", partner=customer, amounts=[500.0])
        refund = self.init_invoice("out_refund", partner=customer, amounts=[100.0])
        (second | refund).action_post()
        survey = Survey.search([("partner_id", "=", customer.id)])
        self.assertEqual(survey.invoice_id, second)
        self.assertEqual(survey.state, "pending")
        self.assertTrue(survey.name.startswith("MY"))
        mail = survey.message_ids.filtered(lambda m: customer in m.partner_ids)
        self.assertEqual(len(mail), 1)
        self.assertIn(customer, mail.partner_ids)
        self.assertIn(f"/my/satisfaction/{survey.id}?access_token=", mail.body)
        # Posting again (e.g. after a reset to draft) sends no second survey.
        Survey._create_for_invoices(second)
        self.assertEqual(Survey.search_count([("invoice_id", "=", second.id)]), 1)


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(ComplaintCommon, HttpCase):
    def _survey(self):
        return self.env["customer.satisfaction.survey"].create({"partner_id": self.customer.id})

    def _post(self, survey, token, **values):
        self.authenticate(None, None)
        data = {"csrf_token": http.Request.csrf_token(self), **values}
        response = self.url_open(f"/my/satisfaction/{survey.id}?access_token={token}", data=data)
        self.env.invalidate_all()
        return response

    def test_answered_anonymously_through_the_link(self):
        survey = self._survey()
        token = survey._portal_ensure_token()
        self.assertEqual(survey.user_id, self.salesman)
        page = self.url_open(f"/my/satisfaction/{survey.id}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_satisfaction_form", page.text)
        self._post(survey, token, comment="送货及时", **ANSWER)
        self.assertEqual(survey.state, "answered")
        self.assertAlmostEqual(survey.score_average, 4.4)
        self.assertEqual(survey.comment, "送货及时")
        self.assertFalse(survey.complaint_id)
        self.assertIn("o_satisfaction_thanks", self.url_open(survey.get_portal_url()).text)
        self.assertAlmostEqual(self.customer.satisfaction_score, 4.4)

    def test_wrong_token_writes_nothing(self):
        survey = self._survey()
        survey._portal_ensure_token()
        response = self._post(survey, "wrong", **ANSWER)
        self.assertNotIn(f"/my/satisfaction/{survey.id}", response.url)
        self.assertNotIn("o_satisfaction", response.text)
        self.assertEqual(survey.state, "pending")

    def test_bad_answers_are_refused_with_a_message(self):
        survey = self._survey()
        token = survey._portal_ensure_token()
        for values in (
            {**ANSWER, "score_quality": "6"},
            {**ANSWER, "score_speed": "abc"},
            {key: value for key, value in ANSWER.items() if key != "score_delivery"},
            {**ANSWER, "comment": "长" * 2001},
        ):
            with self.subTest(values={k: v[:10] for k, v in values.items()}):
                response = self._post(survey, token, **values)
                self.assertEqual(response.status_code, 200)
                self.assertIn("alert-danger", response.text)
                self.assertEqual(survey.state, "pending")
                self.assertFalse(survey.score_quality)

    def test_low_score_files_a_complaint_and_a_call_back_once(self):
        survey = self._survey()
        token = survey._portal_ensure_token()
        self._post(survey, token, comment="纸箱破损严重", **{**ANSWER, "score_quality": "1"})
        self.assertTrue(survey.is_unsatisfied)
        complaint = survey.complaint_id
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.channel, "survey")
        self.assertIn("纸箱破损严重", complaint.description)
        call = self.env.ref("mail.mail_activity_data_call")
        self.assertEqual(
            len(complaint.activity_ids.filtered(lambda a: a.activity_type_id == call)), 1
        )
        # A second answer through the same link is refused: one complaint, one call-back.
        self._post(survey, token, **{**ANSWER, "score_quality": "1"})
        complaints = self.Complaint.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(complaints.filtered(lambda c: c.channel == "survey"), complaint)

    def test_answer_is_the_customers(self):
        survey = self._survey()
        for values in ({"score_quality": 5}, {"state": "answered"}, {"comment": "很满意"}):
            with self.subTest(values=values), self.assertRaises(AccessError):
                survey.with_user(self.cs_user).write(values)

    def test_salesperson_records_a_periodic_visit(self):
        Visit = self.env["customer.complaint.visit"].with_user(self.salesman)
        visit = Visit.create(
            {
                "partner_id": self.customer.id,
                "method": "visit",
                "score_quality": 4,
                "score_response": 4,
                "score_speed": 4,
                "score_attitude": 5,
                "score_delivery": 3,
            }
        )
        self.assertFalse(visit.complaint_id)
        self.assertEqual(visit.user_id, self.salesman)
        with self.assertRaises(AccessError):
            Visit.create({"partner_id": self.other_customer.id, "method": "phone"})
        # An unsatisfied periodic visit files a complaint.
        Visit.create({"partner_id": self.customer.id, "score_attitude": 2, "comment": "态度差"})
        filed = self.Complaint.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(filed), 1)
        self.assertIn("态度差", filed.description)


@tagged("post_install", "-at_install")
class TestSatisfactionSurveyTour(ComplaintCommon, HttpCase):
    def test_low_score_from_the_link_reaches_customer_service(self):
        survey = self.env["customer.satisfaction.survey"].create({"partner_id": self.customer.id})
        # The customer opens the e-mailed link without logging in.
        self.start_tour(survey.get_portal_url(), "complaint_tracking_survey_tour")
        self.assertEqual(survey.state, "answered")
        self.assertEqual(survey.score_delivery, 1)
        self.assertTrue(survey.complaint_id)
        self.start_tour(
            "/odoo/action-complaint_tracking.customer_complaint_action",
            "complaint_tracking_survey_complaint_tour",
            login="ct_cs_user",
        )


@tagged("post_install", "-at_install")
class TestFollowupPlan(ComplaintCommon):
    def test_followup_planned_once_and_completed_by_the_visit(self):
        Plan = self.env["customer.followup.plan"]
        Plan.search([]).unlink()
        Plan.create({"customer_category": "important", "interval_days": 30})
        (self.customer | self.other_customer).customer_category = "important"
        self.env["customer.complaint.visit"].create(
            {"partner_id": self.other_customer.id, "method": "visit"}
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.salesman.lang = "zh_CN"
        followup = self.env.ref("complaint_tracking.mail_activity_type_followup")
        cron = self.env.ref("complaint_tracking.ir_cron_customer_followup_plan")
        cron.method_direct_trigger()
        cron.method_direct_trigger()
        activity = self.customer.activity_ids.filtered(lambda a: a.activity_type_id == followup)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        # in the salesperson's language, whoever runs the scheduler
        self.assertEqual(activity.summary, "回访此客户(每 30 天)")
        self.assertFalse(self.other_customer.activity_ids)
        # The salesperson records the visit: the follow-up is done.
        self.env["customer.complaint.visit"].with_user(self.salesman).create(
            {"partner_id": self.customer.id, "method": "phone"}
        )
        self.assertFalse(activity.exists())
        self.assertRegex(self.customer.message_ids[0].body, "Follow-up visit recorded|回访已记录")
