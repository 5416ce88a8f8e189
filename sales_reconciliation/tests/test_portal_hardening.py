import base64
import io
import json
from datetime import date

from PIL import Image

from odoo.tests import tagged

from .test_statement_portal import StatementPortalCommon

SVG = base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
).decode()


def jpeg_signature():
    output = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(output, format="JPEG")
    return base64.b64encode(output.getvalue()).decode()


@tagged("post_install", "-at_install")
class TestPortalHardening(StatementPortalCommon):
    """Every bad input of the portal is refused with a clear message and leaves nothing
    written; a confirmation is evidence of who signed and how."""

    def _confirm_url(self, statement=None, token=None):
        statement = statement or self.statement
        return (
            f"/my/statements/{statement.id}/confirm?access_token={token or statement.access_token}"
        )

    def assertSays(self, text, english, chinese):
        """The message in the language of the request (the database may have zh_CN)."""
        self.assertTrue(english in text or chinese in text, text[-3000:])

    def _assert_untouched(self, statement=None):
        statement = statement or self.statement
        statement.invalidate_recordset()
        self.assertRecordValues(
            statement,
            [
                {
                    "state": "sent",
                    "confirmed_by": False,
                    "confirmed_on": False,
                    "signature": False,
                    "confirmed_through": False,
                }
            ],
        )
        self.assertFalse(statement.revision_ids.filtered(lambda r: r.kind == "signed"))
        self.assertFalse(statement.discrepancy_ids)

    def test_signature_that_is_no_image_is_refused_before_any_write(self):
        messages = len(self.statement.message_ids)
        for label, signature in (
            ("text", base64.b64encode(b"not an image at all").decode()),
            ("svg", SVG),
            ("svg data uri", "data:image/svg+xml;base64," + SVG),
            ("not base64", "@@@###"),
            ("truncated png", base64.b64encode(base64.b64decode(self._png())[:30]).decode()),
        ):
            with self.subTest(signature=label):
                result = self._json(self._confirm_url(), {"name": "王会计", "signature": signature})
                self.assertSays(
                    result["result"]["error"],
                    "The signature must be a PNG or JPEG image.",
                    "签名必须是 PNG 或 JPEG 图片。",
                )
                self._assert_untouched()
        self.statement.invalidate_recordset()
        self.assertEqual(len(self.statement.message_ids), messages)

    def _png(self):
        output = io.BytesIO()
        Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(output, format="PNG")
        return base64.b64encode(output.getvalue()).decode()

    def test_jpeg_signature_is_stored_reencoded_as_png(self):
        result = self._json(self._confirm_url(), {"name": "王会计", "signature": jpeg_signature()})
        self.assertTrue(result["result"]["force_refresh"])
        self.assertEqual(self.statement.state, "confirmed")
        self.assertTrue(base64.b64decode(self.statement.signature).startswith(b"\x89PNG"))

    def test_signer_name_is_bounded(self):
        result = self._json(self._confirm_url(), {"name": "王" * 101, "signature": self._png()})
        self.assertSays(result["result"]["error"], "at most 100 characters", "最多 100 个字符")
        self._assert_untouched()

    def test_confirmation_through_the_link_is_evidence(self):
        self.url_open(
            self._confirm_url(),
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"name": "王会计", "signature": self._png()},
                }
            ),
            headers={
                "Content-Type": "application/json",
                "User-Agent": "Mozilla/5.0 (statement test)",
            },
        )
        self.assertRecordValues(
            self.statement,
            [{"state": "confirmed", "confirmed_by": "王会计", "confirmed_through": "link"}],
        )
        self.assertEqual(self.statement.confirmed_ip, "127.0.0.1")
        self.assertEqual(self.statement.confirmed_user_agent, "Mozilla/5.0 (statement test)")
        note = self.statement.message_ids.filtered(
            lambda m: "Mozilla/5.0 (statement test)" in (m.body or "")
        )
        self.assertSays(note.body, "access link", "访问链接")
        self.assertIn("王会计", note.body)
        self.assertIn("127.0.0.1", note.body)

    def test_confirmation_through_the_customers_account(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        result = self._json(
            f"/my/statements/{self.statement.id}/confirm",
            {"name": "王会计", "signature": self._png()},
        )
        self.assertTrue(result["result"]["force_refresh"])
        self.assertRecordValues(
            self.statement, [{"state": "confirmed", "confirmed_through": "account"}]
        )
        signed = self.statement.revision_ids.filtered(lambda r: r.kind == "signed")
        message = self.statement.message_ids.filtered(
            lambda m: signed.attachment_id in m.attachment_ids
        )
        self.assertEqual(message.author_id, self.customer_contact)

    def test_token_of_a_revision_does_not_answer_the_next(self):
        old_token = self.statement.access_token
        # the books change: the statement is reissued as revision 1 and sent again
        self._invoice(self.customer, 10.0, date(2026, 2, 26))
        self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28", self.customer)
        self.assertRecordValues(self.statement, [{"revision": 1, "state": "draft"}])
        self.statement.action_send()
        self.assertNotEqual(self.statement.access_token, old_token)
        result = self._json(
            self._confirm_url(token=old_token), {"name": "王会计", "signature": self._png()}
        )
        self.assertIn("error", result["result"])
        self.assertNotIn(
            self.statement.name,
            self.url_open(
                self.statement.get_portal_url(query_string="").replace(
                    self.statement.access_token, old_token
                )
            ).text,
        )
        self._assert_untouched()
        result = self._json(self._confirm_url(), {"name": "王会计", "signature": self._png()})
        self.assertTrue(result["result"]["force_refresh"])

    def _dispute(self, fields):
        line = self.statement.line_ids.filtered(lambda entry: entry.document == self.inv_feb20.name)
        data = {"csrf_token": self._csrf(f"/my/statements/{self.statement.id}")}
        for key, value in fields.items():
            data[key.replace("LINE", str(line.id))] = value
        return self.url_open(f"/my/statements/{self.statement.id}/dispute", data=data)

    def test_dispute_amounts_must_be_finite_and_bounded(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        for amount in ("nan", "inf", "-inf", "1e300", "40000.01", "abc"):
            with self.subTest(amount=amount):
                response = self._dispute(
                    {
                        "line_LINE_disputed": "on",
                        "line_LINE_their_amount": amount,
                        "line_LINE_reason": "单价不对",
                    }
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("o_statement_error", response.text)
                self.assertIn(self.inv_feb20.name, response.text)
                self._assert_untouched()
        response = self._dispute(
            {"other_document": "收据 R-1", "other_their_amount": "Infinity", "other_reason": "x"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertSays(response.text, "must be a number between", "之间的数字")
        self._assert_untouched()
        # within ten times the line (400.00): accepted
        response = self._dispute({"line_LINE_disputed": "on", "line_LINE_their_amount": "4000"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.statement.discrepancy_ids.their_amount, 4000.0)

    def test_dispute_texts_are_bounded(self):
        self.authenticate("sr_portal_wang", "sr_portal_wang")
        for fields in (
            {
                "line_LINE_disputed": "on",
                "line_LINE_their_amount": "360",
                "line_LINE_reason": "长" * 1001,
            },
            {"other_document": "单" * 101, "other_their_amount": "1", "other_reason": "x"},
        ):
            with self.subTest(field=next(iter(fields))):
                response = self._dispute(fields)
                self.assertEqual(response.status_code, 400)
                self.assertSays(response.text, "is too long", "过长")
                self._assert_untouched()
        response = self._dispute(
            {
                "line_LINE_disputed": "on",
                "line_LINE_their_amount": "360",
                "line_LINE_reason": "x" * 1024 * 1024,
            }
        )
        self.assertIn(response.status_code, (400, 413))
        self._assert_untouched()
