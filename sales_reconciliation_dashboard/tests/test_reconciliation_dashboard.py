from datetime import date

from odoo.addons.sales_reconciliation.tests.common import StatementCommon


class TestReconciliationDashboard(StatementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "sales_reconciliation_dashboard.spreadsheet_dashboard_reconciliation"
        )
        cls.data = cls.dashboard.get_readonly_dashboard()["snapshot"]

    def test_for_sales_managers_and_finance_only(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.sales_manager, self.finance):
            self.assertIn(self.dashboard, Dashboard.with_user(user).search([]), user.login)
        self.assertNotIn(self.dashboard, Dashboard.with_user(self.salesman).search([]))

    def _figures(self):
        """(model, domain, group-bys, measures, filter chains) of every pivot, list and chart."""
        for pivot in self.data["pivots"].values():
            measures = [m["fieldName"] for m in pivot["measures"]]
            groupby = [row["fieldName"] for row in pivot["rows"]]
            yield pivot["model"], pivot["domain"], groupby, measures, pivot["fieldMatching"]
        for spreadsheet_list in self.data["lists"].values():
            yield (
                spreadsheet_list["model"],
                spreadsheet_list["domain"],
                [],
                spreadsheet_list["columns"],
                spreadsheet_list["fieldMatching"],
            )
        for figure in self.data["sheets"][0]["figures"]:
            chart = figure["data"]
            if chart["type"].startswith("odoo_"):
                meta = chart["metaData"]
                yield (
                    meta["resModel"],
                    chart["searchParams"]["domain"],
                    meta["groupBy"],
                    [meta["measure"]],
                    chart["fieldMatching"],
                )

    def test_every_figure_reads_fields_finance_may_read(self):
        """What the dashboard asks the server for exists and is readable by its users."""
        filters = {f["id"] for f in self.data["globalFilters"]}
        self._invoice(self.customer, 1000.0, date(2026, 2, 10))
        self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28").action_send()
        for model, domain, groupby, measures, matching in self._figures():
            Model = self.env[model].with_user(self.finance)
            self.assertEqual(set(matching), filters, model)
            for chain in filter(None, (m.get("chain") for m in matching.values())):
                self.assertIn(chain, Model._fields, f"{model}: filter on {chain}")
            aggregates = [
                "__count" if m == "__count" else f"{m}:{Model._fields[m].aggregator or 'count'}"
                for m in measures
                if m == "__count" or Model._fields[m].aggregator
            ]
            if aggregates:
                groups = Model._read_group(domain, groupby, aggregates)
                self.assertTrue(groups, f"{model}: {measures}")
            else:
                self.assertTrue(Model.search_read(domain, measures), f"{model}: {measures}")

    def test_salesperson_filter_narrows_the_kpi_figures(self):
        self.other_customer.user_id = self.other_salesman
        self._invoice(self.customer, 1000.0, date(2026, 2, 10))
        self._invoice(self.other_customer, 500.0, date(2026, 2, 12))
        self.env["sales.statement"].generate_statements("2026-02-01", "2026-02-28")
        pivot = self.data["pivots"]["2"]
        self.assertEqual(pivot["rows"], [{"fieldName": "user_id"}])
        Kpi = self.env[pivot["model"]].with_user(self.sales_manager)
        by_user = dict(Kpi._read_group(pivot["domain"], ["user_id"], ["customers_due:sum"]))
        self.assertEqual(by_user, {self.salesman: 1, self.other_salesman: 1})
        # the salesperson filter of the dashboard matches on user_id
        user_filter = next(
            f for f in self.data["globalFilters"] if f.get("modelName") == "res.users"
        )
        chain = pivot["fieldMatching"][user_filter["id"]]["chain"]
        narrowed = Kpi._read_group(
            [*pivot["domain"], (chain, "in", self.salesman.ids)], [], ["customers_due:sum"]
        )
        self.assertEqual(narrowed, [(1,)])
