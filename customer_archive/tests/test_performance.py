from odoo.tests import tagged

from .common import CustomerArchiveCase

FIELDS = [
    "customer_code",
    "short_name",
    "customer_category",
    "credit_grade",
    "enterprise_nature",
    "archive_state",
    "archive_id",
    "visit_overdue",
]


@tagged("post_install", "-at_install")
class TestCustomerListQueries(CustomerArchiveCase):
    def _customers(self, count):
        partners = (
            self.env["res.partner"]
            .with_context(res_partner_search_mode="customer")
            .create(
                [
                    {
                        "name": f"批量客户 {i}",
                        "is_company": True,
                        "customer_category": ("important", "main", "ordinary")[i % 3],
                        "credit_grade": "ABC"[i % 3],
                    }
                    for i in range(count)
                ]
            )
        )
        partners._ensure_archive()
        self.env["customer.archive.communication"].create(
            [{"archive_id": p.archive_ids.id, "purpose": "拜访"} for p in partners]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return partners.ids

    def _read_list(self, ids):
        # What the customer list view does: read the columns of a page of partners.
        self.env["res.partner"].with_user(self.sales_manager).browse(ids).read(FIELDS)

    def test_query_count_does_not_grow_with_partners(self):
        small, large = self._customers(10), self._customers(100)
        self._read_list(small)  # warm the caches of the access rules
        for ids in (small, large):
            self.env.invalidate_all()
            with self.assertQueryCount(12):
                self._read_list(ids)
