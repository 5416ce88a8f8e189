import html
import json
import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE, StatementCommon


class StatementPortalCommon(StatementCommon, HttpCase):
    """The customer's February statement and its sister's, sent; a portal user of the
    customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()
        Statement = cls.env["sales.statement"]
        cls.statement = Statement.generate_statements("2026-02-01", "2026-02-28", cls.customer)
        cls.other_statement = Statement.generate_statements(
            "2026-02-01", "2026-02-28", cls.other_customer
        )
        (cls.statement | cls.other_statement).action_send()
        cls.portal_user = cls.env["res.users"].create(
            {
                "name": "王会计",
                "login": "sr_portal_wang",
                "password": "sr_portal_wang",
                "partner_id": cls.customer_contact.id,
                "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
            }
        )

    def _csrf(self, url="/web/login"):
        page = self.url_open(url).content.decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _json(self, url, params):
        return self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        ).json()


@tagged("post_install", "-at_install")
class TestStatementPortal(StatementPortalCommon):
    def _signature_props(self, page):
        match = re.search(r'<owl-component name="portal.signature_form" props="([^"]*)"', page)
        self.assertTrue(match, "the page asks for a signature")
        return json.loads(html.unescape(match.group(1)))

    def test_customer_confirms_from_the_portal_home(self):
        self.start_tour("/my", "sales_statement_portal_home_tour", login="sr_portal_wang")
        self.assertRecordValues(self.statement, [{"state": "confirmed", "confirmed_by": "王会计"}])
        self.assertTrue(self.statement.signature)
        self.assertEqual(self.other_statement.state, "sent")

    def test_customer_facing_states(self):
        Statement = self.env["sales.statement"]
        for state, portal_state in (
            ("draft", False),
            ("sent", "to_confirm"),
            ("disputed", "disputed"),
            ("resolved", "disputed"),
            ("confirmed", "confirmed"),
            ("done", "done"),
        ):
            self.assertEqual(Statement.new({"state": state}).portal_state, portal_state, state)
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        # The page speaks the customer's language (English or Chinese, as installed).
        shown, hidden = set(), set()
        for lang in ("en_US", "zh_CN"):
            env = self.env(context=dict(self.env.context, lang=lang))
            shown.add(
                dict(Statement._fields["portal_state"]._description_selection(env))["to_confirm"]
            )
            hidden.add(dict(Statement._fields["state"]._description_selection(env))["sent"])
        for url in ("/my/statements", f"/my/statements/{self.statement.id}"):
            page = self.url_open(url).text
            self.assertTrue(any(f">{label}<" in page for label in shown), url)
            self.assertFalse(any(f">{label}<" in page for label in hidden), url)

    def test_signer_name_is_the_signers_own(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        page = self.url_open(f"/my/statements/{self.statement.id}").text
        self.assertEqual(self._signature_props(page)["defaultName"], "王会计")
        # Through the e-mailed link nobody is logged in: the signer types his name.
        self.authenticate(None, None)
        page = self.url_open(self.statement.get_portal_url()).text
        self.assertEqual(self._signature_props(page)["defaultName"], "")
        self.assertNotIn(self.customer.name, json.dumps(self._signature_props(page)))

    def test_home_counts_statements_to_confirm(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        home = self.url_open("/my/home").text
        self.assertIn("statement_to_confirm_count", home)
        self.assertIn("/sales_reconciliation/static/src/img/statement.svg", home)
        counters = self._json(
            "/my/counters", {"counters": ["statement_count", "statement_to_confirm_count"]}
        )["result"]
        self.assertEqual(counters, {"statement_count": 1, "statement_to_confirm_count": 1})

    def test_signed_pdf_cannot_be_removed_in_the_portal(self):
        self.statement._action_customer_confirm(
            "王会计", SIGNATURE, author=self.portal_user.partner_id
        )
        message = self.statement.message_ids.filtered("attachment_ids")[:1]
        self.assertTrue(message.attachment_ids.name.endswith("-signed.pdf"))
        # Shown to the customer, but not a comment he could edit or strip of its PDF.
        self.assertIn(message, self.statement.website_message_ids)
        self.assertEqual(message.message_type, "auto_comment")
        # The portal's edit route runs as superuser once the author is checked.
        with self.assertRaises(UserError):
            self.statement.sudo()._message_update_content(message, "", attachment_ids=[])
        self.assertTrue(message.attachment_ids)

    def test_portal_list_shows_only_own_statements(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        response = self.url_open("/my/statements")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.statement.name, response.text)
        self.assertNotIn(self.other_statement.name, response.text)

    def test_own_statement_detail_and_pdf(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        response = self.url_open(f"/my/statements/{self.statement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.inv_feb.name, response.text)
        self.assertIn("贰仟陆佰伍拾元整", response.content.decode())
        report = self.url_open(f"/my/statements/{self.statement.id}?report_type=html")
        self.assertEqual(report.status_code, 200)
        self.assertIn("对账确认回执", report.content.decode())

    def test_other_customer_statement_is_not_shown(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        response = self.url_open(f"/my/statements/{self.other_statement.id}")
        self.assertNotIn(self.other_statement.name, response.text)
        self.assertTrue(response.url.endswith("/my"))
        pdf = self.url_open(f"/my/statements/{self.other_statement.id}?report_type=pdf")
        self.assertNotIn(b"%PDF", pdf.content[:10])
        result = self._json(
            f"/my/statements/{self.other_statement.id}/confirm",
            {"name": "王会计", "signature": SIGNATURE},
        )
        self.assertIn("error", result["result"])
        self.assertEqual(self.other_statement.state, "sent")

    def test_token_link_without_account(self):
        url = self.statement.get_portal_url()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.statement.name, response.text)
        bad = self.url_open(f"/my/statements/{self.statement.id}?access_token=wrong-token")
        self.assertNotIn(self.statement.name, bad.text)
        self.assertNotIn(f"/my/statements/{self.statement.id}", bad.url)
        other_token = self.url_open(
            f"/my/statements/{self.statement.id}?access_token={self.other_statement.access_token}"
        )
        self.assertNotIn(self.statement.name, other_token.text)

    def test_confirm_with_signature_through_route(self):
        result = self._json(
            f"/my/statements/{self.statement.id}/confirm?access_token={self.statement.access_token}",
            {"name": "王会计", "signature": SIGNATURE},
        )
        self.assertTrue(result["result"]["force_refresh"])
        self.assertRecordValues(self.statement, [{"state": "confirmed", "confirmed_by": "王会计"}])
        self.assertTrue(self.statement.confirmed_on)
        self.assertTrue(self.statement.signature)
        signed = self.statement.revision_ids.filtered(lambda r: r.kind == "signed")
        self.assertTrue(signed)
        message = self.statement.message_ids.filtered(
            lambda m: signed.attachment_id in m.attachment_ids
        )
        # whoever held the link signed: not recorded as the customer's partner
        self.assertEqual(message.author_id, self.env.ref("base.public_partner"))
        # a second answer is refused
        again = self._json(
            f"/my/statements/{self.statement.id}/confirm?access_token={self.statement.access_token}",
            {"name": "王会计", "signature": SIGNATURE},
        )
        self.assertIn("error", again["result"])

    def test_confirm_with_bad_token_is_refused(self):
        result = self._json(
            f"/my/statements/{self.statement.id}/confirm?access_token=nope",
            {"name": "王会计", "signature": SIGNATURE},
        )
        self.assertIn("error", result["result"])
        self.assertEqual(self.statement.state, "sent")

    def test_dispute_lines_through_route_notifies_salesperson(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        line = self.statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        response = self.url_open(
            f"/my/statements/{self.statement.id}/dispute",
            data={
                "csrf_token": self._csrf(f"/my/statements/{self.statement.id}"),
                f"line_{line.id}_disputed": "on",
                f"line_{line.id}_their_amount": "360",
                f"line_{line.id}_reason": "单价应为180",
                "other_document": "收据 R-0098",
                "other_their_amount": "-100",
                "other_reason": "2月28日已付100元",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.statement.state, "disputed")
        self.assertRecordValues(
            self.statement.discrepancy_ids,
            [
                {
                    "statement_line_id": line.id,
                    "document": self.inv_feb20.name,
                    "our_amount": 400.0,
                    "their_amount": 360.0,
                    "customer_reason": "单价应为180",
                },
                {
                    "statement_line_id": False,
                    "document": "收据 R-0098",
                    "our_amount": 0.0,
                    "their_amount": -100.0,
                    "customer_reason": "2月28日已付100元",
                },
            ],
        )
        notification = self.statement.message_ids.filtered(
            lambda m: self.salesman.partner_id in m.partner_ids
        )
        self.assertTrue(notification)
        self.assertEqual(notification[0].author_id, self.customer_contact)

    def test_dispute_with_bad_token_changes_nothing(self):
        line = self.statement.line_ids[0]
        self.url_open(
            f"/my/statements/{self.statement.id}/dispute?access_token=nope",
            data={"csrf_token": self._csrf(), f"line_{line.id}_disputed": "on"},
        )
        self.assertEqual(self.statement.state, "sent")
        self.assertFalse(self.statement.discrepancy_ids)
