from odoo.tests import tagged

from .common import SalesLedgerCommon


@tagged("post_install", "-at_install")
class TestShortNameOnDocuments(SalesLedgerCommon):
    """Lists of orders and contracts name the customer by its short name (客户简称), as U8
    does; forms and printed documents keep the full name."""

    def test_lists_show_the_short_name(self):
        self.customer.short_name = "华东机电"
        order = self._create_order()
        contract = self._create_contract()
        for record in (order, contract):
            arch = record.get_views([(False, "list")])["views"]["list"]["arch"]
            self.assertIn("show_short_name", arch, record._name)
            spec = {
                "partner_id": {"fields": {"display_name": {}}, "context": {"show_short_name": True}}
            }
            [values] = record.web_read(spec)
            self.assertEqual(values["partner_id"]["display_name"], "华东机电")
            [values] = record.web_read({"partner_id": {"fields": {"display_name": {}}}})
            self.assertEqual(values["partner_id"]["display_name"], self.customer.name)

    def test_customer_without_short_name_keeps_its_name(self):
        partner = self.other_customer.with_context(show_short_name=True)
        self.assertEqual(partner.display_name, self.other_customer.name)
