import base64
import binascii
import io
import math

from PIL import Image

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sales_statement import SalesStatement

# What the portal accepts (签字确认 as evidence): bounded texts and amounts, real images.
SIGNER_NAME_MAX = 100
DOCUMENT_MAX = 100
REASON_MAX = 1000
USER_AGENT_MAX = 512
SIGNATURE_MAX_BYTES = 2 * 1024 * 1024
SIGNATURE_MAX_PIXELS = 4096 * 4096
SIGNATURE_FORMATS = ("PNG", "JPEG")
# A disputed amount stays within an order of magnitude of the figures it disputes.
AMOUNT_FACTOR = 10
AMOUNT_FLOOR = 10000.0

CONFIRMATION_CHANNELS = [
    ("account", "Portal account of the customer"),
    ("link", "Access link"),
]


class SalesStatementConfirmation(models.Model):
    """The customer's answer in the portal as evidence: the signature is a PNG or JPEG
    image, decoded and re-encoded before anything is written; a confirmation records who
    signed, when, from which address and browser, and whether through the customer's
    portal account or through the access link (whoever holds it); disputed amounts and
    texts are bounded."""

    _inherit = "sales.statement"  # pylint: disable=consider-merging-classes-inherited
    _workflow_fields = (
        *SalesStatement._workflow_fields,
        "confirmed_through",
        "confirmed_ip",
        "confirmed_user_agent",
    )

    confirmed_through = fields.Selection(
        CONFIRMATION_CHANNELS, readonly=True, copy=False, tracking=True
    )
    confirmed_ip = fields.Char("Confirmed From IP", readonly=True, copy=False)
    confirmed_user_agent = fields.Char("Confirmed With Browser", readonly=True, copy=False)

    @api.model
    def _sanitize_signature(self, signature):
        """The base64 PNG of the image ``signature`` (base64 PNG or JPEG, optionally a data
        URI), decoded and re-encoded; ``UserError`` for anything else (SVG, HTML, a broken
        or oversized image)."""
        invalid = self.env._("The signature must be a PNG or JPEG image.")
        if not isinstance(signature, (str, bytes)) or not signature:
            raise UserError(invalid)
        if isinstance(signature, str):
            if signature.startswith("data:"):
                signature = signature.partition(",")[2]
            signature = signature.encode("ascii", "ignore")
        try:
            raw = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(invalid) from error
        if not raw or len(raw) > SIGNATURE_MAX_BYTES:
            raise UserError(invalid)
        try:
            with Image.open(io.BytesIO(raw), formats=SIGNATURE_FORMATS) as image:
                if image.width * image.height > SIGNATURE_MAX_PIXELS:
                    raise UserError(invalid)
                image.load()
                clean = image.convert("RGBA")
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise UserError(invalid) from error
        output = io.BytesIO()
        clean.save(output, format="PNG")
        return base64.b64encode(output.getvalue())

    @api.model
    def _check_text(self, text, limit, label):
        """``text`` stripped; ``UserError`` beyond ``limit`` characters."""
        text = (text or "").strip()
        if len(text) > limit:
            raise UserError(
                self.env._(
                    "%(label)s is too long: at most %(limit)s characters.",
                    label=label,
                    limit=limit,
                )
            )
        return text

    def _amount_limit(self, statement_line=None):
        """The largest amount a customer may state against ``statement_line`` (or an other
        document of the statement): ten times the figures it disputes."""
        self.ensure_one()
        if statement_line:
            reference = abs(statement_line.net_amount)
        else:
            reference = max(
                abs(self.opening_balance),
                abs(self.amount_sales),
                abs(self.amount_receipts),
                abs(self.closing_balance),
            )
        return max(reference * AMOUNT_FACTOR, AMOUNT_FLOOR)

    def _parse_dispute_amount(self, value, statement_line=None):
        """The customer's amount ``value`` (text or number) as a finite float within the
        statement's order of magnitude; ``UserError`` otherwise."""
        self.ensure_one()
        document = statement_line.document if statement_line else self.env._("other document")
        try:
            amount = float(value if value not in (None, "") else 0.0)
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("The amount of %(document)s is not a number.", document=document)
            ) from error
        limit = self._amount_limit(statement_line)
        if not math.isfinite(amount) or abs(amount) > limit:
            raise UserError(
                self.env._(
                    "The amount of %(document)s must be a number between -%(limit)s and %(limit)s.",
                    document=document,
                    limit=self.currency_id.format(limit),
                )
            )
        return self.currency_id.round(amount)

    def _action_customer_dispute(self, disputed_lines, author=None, reply=None):
        # Whatever the caller, amounts and texts are bounded before anything is written.
        self.ensure_one()
        checked = []
        for line in disputed_lines:
            statement_line = self.line_ids.browse(line.get("statement_line_id") or [])
            checked.append(
                {
                    **line,
                    "their_amount": self._parse_dispute_amount(
                        line.get("their_amount"), statement_line
                    ),
                    "document": self._check_text(
                        line.get("document"), DOCUMENT_MAX, self.env._("The document")
                    ),
                    "reason": self._check_text(
                        line.get("reason"), REASON_MAX, self.env._("The reason")
                    ),
                }
            )
        return super()._action_customer_dispute(checked, author=author, reply=reply)

    def _action_customer_confirm(self, name, signature, author=None, evidence=None, reply=None):
        """``evidence``: ``through`` ("account" or "link"), ``ip``, ``user_agent`` of the
        request that confirmed. ``reply``: a reply on paper, by fax or e-mail registered
        from the back office with its stamped scan (no drawn signature, no request)."""
        self.ensure_one()
        self._check_portal_state(("sent",))
        name = self._check_text(name, SIGNER_NAME_MAX, self.env._("The name"))
        if reply is not None:
            if signature:
                signature = self._sanitize_signature(signature)
            return super()._action_customer_confirm(name, signature, author=author, reply=reply)
        signature = self._sanitize_signature(signature)
        evidence = evidence or {}
        through = evidence.get("through") or "account"
        with self._workflow_pass():
            self.write(
                {
                    "confirmed_through": through,
                    "confirmed_ip": (evidence.get("ip") or "")[:64] or False,
                    "confirmed_user_agent": (evidence.get("user_agent") or "")[:USER_AGENT_MAX]
                    or False,
                }
            )
        result = super()._action_customer_confirm(name, signature, author=author)
        body = self.env._(
            "Confirmation evidence: signed as %(name)s through %(channel)s on %(date)s "
            "(IP address %(ip)s, browser %(agent)s).",
            name=name,
            channel=dict(self._fields["confirmed_through"]._description_selection(self.env))[
                through
            ],
            date=fields.Datetime.to_string(self.confirmed_on),
            ip=self.confirmed_ip or "-",
            agent=self.confirmed_user_agent or "-",
        )
        if through == "link":
            body += " " + self.env._(
                "It came through the access link sent by e-mail, not through the customer's "
                "portal account: whoever held the link signed."
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return result

    def _reissue(self):
        # A new revision gets a new link: the link of the revision sent before answers nothing.
        result = super()._reissue()
        self.sudo().write({"access_token": False})
        return result
