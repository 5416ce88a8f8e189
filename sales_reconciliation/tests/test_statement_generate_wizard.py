from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestStatementGenerateWizard(StatementCommon):
    """Generating says what it made, then shows the list of the statements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._build_february_books()

    def _generate(self, user, partners=None):
        wizard = (
            self.env["sales.statement.generate"]
            .with_user(user)
            .create(
                {
                    "period_type": "custom",
                    "date_from": date(2026, 2, 1),
                    "date_to": date(2026, 2, 28),
                    "partner_ids": [(6, 0, (partners or self.env["res.partner"]).ids)],
                }
            )
        )
        return wizard.action_generate()

    def _statements(self):
        return self.env["sales.statement"].search(
            [("date_from", "=", "2026-02-01"), ("date_to", "=", "2026-02-28")]
        )

    def test_summary_of_what_was_made_then_the_list(self):
        action = self._generate(self.finance, self.customer | self.other_customer)
        self.assertEqual(action["tag"], "display_notification")
        params = action["params"]
        self.assertEqual(params["type"], "success")
        self.assertEqual(
            params["message"],
            "2 statements for 2026-02-01 ~ 2026-02-28: 2 new, 0 drafts recomputed, 0 sent "
            "before and reissued as a new revision, 0 unchanged.",
        )
        statements = self._statements()
        self.assertEqual(len(statements), 2)
        self.assertEqual(params["next"]["res_model"], "sales.statement")
        [(field, operator, ids)] = params["next"]["domain"]
        self.assertEqual((field, operator, sorted(ids)), ("id", "in", sorted(statements.ids)))
        # the books change: the draft is recomputed, the sent one reissued
        statements.filtered(lambda s: s.partner_id == self.other_customer).action_send()
        self._invoice(self.customer, 10.0, date(2026, 2, 26))
        self._invoice(self.other_customer, 10.0, date(2026, 2, 26))
        params = self._generate(self.finance, self.customer | self.other_customer)["params"]
        self.assertIn("0 new, 1 drafts recomputed, 1 sent before and reissued", params["message"])
        params = self._generate(self.finance)["params"]
        self.assertIn(": 0 new, 0 drafts recomputed, 0 sent", params["message"])
        self.assertIn("2 unchanged.", params["message"])

    def test_salesperson_is_told_whose_statements_were_skipped(self):
        params = self._generate(self.salesman)["params"]
        self.assertEqual(params["type"], "warning")
        self.assertIn("1 new", params["message"])
        self.assertIn(
            "1 customers skipped: their statements belong to another salesperson or to none.",
            params["message"],
        )
        self.assertEqual(self._statements().partner_id, self.customer)

    def test_nothing_generated_is_an_error(self):
        with self.assertRaisesRegex(UserError, "No statement was generated for 2026-02-01"):
            self._generate(self.finance, self.idle_customer)
        self.assertFalse(self._statements())
