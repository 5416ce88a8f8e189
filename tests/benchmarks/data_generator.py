"""Reusable generator of customers, products, posted invoices and payments for benchmarks.

Everything goes through the ORM in batches (one ``create`` per batch of records, one
``action_post`` per batch of moves), so the generated data is consistent with what users
produce: sequences, taxes, receivable lines, ``invoice_date`` and the partner ledger.

Typical use inside ``odoo shell`` or a script that opened a registry::

    gen = DataGenerator(env, seed=42)
    customers = gen.customers(1000)
    products = gen.products(200)
    invoices = gen.invoices(customers, products, months=24, count=100_000, start="2025-01-01")
    payments = gen.payments(invoices, count=80_000, partial_ratio=0.1)

With ``commit=True`` every batch is committed, so that a long run keeps what it made.
"""

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

CITIES = ["上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "苏州", "天津"]
TRADES = ["机电设备", "建材贸易", "食品", "电子科技", "化工", "物流", "医疗器械", "纺织"]
PRODUCTS = ["电机", "配电柜", "变频器", "空压机", "水泵", "阀门", "轴承", "传感器", "控制器"]


class DataGenerator:
    def __init__(self, env, seed=0, batch_size=500, company=None, commit=False):
        self.env = env
        self.commit = commit
        self.company = company or env.company
        self.env = env(
            context=dict(
                env.context,
                tracking_disable=True,
                mail_notrack=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
        )
        self.env = self.env["res.company"].with_company(self.company).env
        self.random = random.Random(seed)
        self.batch_size = batch_size
        self._ensure_chart()

    # ------------------------------------------------------------------ helpers
    def _batches(self, items):
        for start in range(0, len(items), self.batch_size):
            yield items[start : start + self.batch_size]

    def _end_batch(self):
        """Free the cache of the batch; with ``commit``, keep what was made so far."""
        if self.commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        self.env.invalidate_all()

    def _ensure_chart(self):
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)], limit=1
        )
        if not journal:
            self.env["account.chart.template"].try_loading("generic_coa", self.company)

    def salespeople(self, count=10):
        """Internal users with the salesman group, created once and reused."""
        Users = self.env["res.users"].with_context(no_reset_password=True)
        existing = Users.search([("login", "=like", "bench_sales_%")], order="id")
        missing = [
            {
                "name": f"业务员{index:03d}",
                "login": f"bench_sales_{index:03d}",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [Command.set(self.env.ref("sales_team.group_sale_salesman").ids)],
            }
            for index in range(len(existing), count)
        ]
        return (existing | Users.create(missing))[:count] if missing else existing[:count]

    # ------------------------------------------------------------------ master data
    def customers(self, count, prefix="BENCH"):
        """``count`` company customers (approved, cash settlement), created in batches.

        Each has the internal reference ``ref`` PREFIX000123; in a database without the
        suite (a company's existing database, see ``install_benchmark.py``) the suite's
        fields (customer code, credit grade, file status) are left out.
        """
        Partner = self.env["res.partner"]
        partners = Partner
        values = []
        for index in range(count):
            vals = {
                "name": f"{self.random.choice(CITIES)}{self.random.choice(TRADES)}有限公司"
                f"（{prefix}-{index:06d}）",
                "is_company": True,
                "customer_rank": 1,
                "ref": f"{prefix}{index:06d}",
            }
            suite = {
                "customer_code": f"{prefix}{index:06d}",
                "credit_grade": self.random.choice(["A", "A", "B", "C"]),
                "archive_state": "approved",
            }
            vals.update((name, value) for name, value in suite.items() if name in Partner._fields)
            values.append(vals)
        for batch in self._batches(values):
            partners |= Partner.create(batch)
        return partners

    def products(self, count, cost_ratio=0.7):
        """``count`` consumable products with a list price and a cost."""
        Product = self.env["product.product"]
        products = Product
        values = []
        for index in range(count):
            price = round(self.random.uniform(50, 5000), 2)
            values.append(
                {
                    "name": f"{self.random.choice(PRODUCTS)} {index:05d}",
                    "default_code": f"BP{index:05d}",
                    "type": "consu",
                    "list_price": price,
                    "standard_price": round(price * cost_ratio, 2),
                }
            )
        for batch in self._batches(values):
            products |= Product.create(batch)
        return products

    # ------------------------------------------------------------------ documents
    def invoices(
        self,
        customers,
        products,
        months,
        count,
        start=None,
        lines_per_invoice=1,
        refund_ratio=0.0,
        salespeople=None,
        post=True,
        journal=None,
        payment_days=30,
    ):
        """``count`` customer invoices spread evenly over ``months`` months from ``start``.

        Each invoice has ``lines_per_invoice`` product lines and falls due ``payment_days``
        after its date; ``refund_ratio`` of the documents are credit notes. Returns the
        moves, posted unless ``post`` is false. Several processes can generate at once,
        each in a sales ``journal`` of its own.
        """
        start = (
            fields.Date.to_date(start)
            if start
            else date.today().replace(day=1) - relativedelta(months=months)
        )
        end = start + relativedelta(months=months)
        span = (end - start).days
        users = salespeople if salespeople is not None else self.salespeople()
        journal = journal or self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)], limit=1
        )
        customer_ids = customers.ids
        product_list = [(product.id, product.list_price) for product in products]
        user_ids = users.ids or [False]
        values = []
        for _index in range(count):
            day = start + timedelta(days=self.random.randrange(span))
            lines = []
            for _line in range(lines_per_invoice):
                product_id, price = self.random.choice(product_list)
                lines.append(
                    Command.create(
                        {
                            "product_id": product_id,
                            "quantity": self.random.randint(1, 20),
                            "price_unit": price,
                        }
                    )
                )
            values.append(
                {
                    "move_type": "out_refund"
                    if self.random.random() < refund_ratio
                    else "out_invoice",
                    "partner_id": self.random.choice(customer_ids),
                    "invoice_user_id": self.random.choice(user_ids),
                    "invoice_date": day,
                    "invoice_date_due": day + timedelta(days=payment_days),
                    "date": day,
                    "journal_id": journal.id,
                    "invoice_line_ids": lines,
                }
            )
        # post in date order so that sequence numbers follow the dates
        values.sort(key=lambda vals: vals["invoice_date"])
        Move = self.env["account.move"]
        moves = Move
        for batch in self._batches(values):
            created = Move.create(batch)
            if post:
                created.action_post()
            moves |= created
            self._end_batch()
        return moves

    def sale_orders(
        self,
        customers,
        products,
        count,
        lines_per_order=2,
        confirm_ratio=0.8,
        invoice_ratio=0.5,
        discount_ratio=0.2,
        salespeople=None,
    ):
        """``count`` sale orders of ``lines_per_order`` lines; ``discount_ratio`` of the
        lines have a discount of up to 30%. ``confirm_ratio`` of the orders are confirmed
        and ``invoice_ratio`` of those invoiced (one posted invoice per order, its lines
        linked to the order lines). Returns the orders."""
        users = salespeople if salespeople is not None else self.salespeople()
        customer_ids = customers.ids
        product_list = [(product.id, product.list_price) for product in products]
        user_ids = users.ids or [False]
        values = []
        for _index in range(count):
            lines = []
            for _line in range(lines_per_order):
                product_id, price = self.random.choice(product_list)
                discount = 0.0
                if self.random.random() < discount_ratio:
                    discount = float(self.random.choice([5, 10, 15, 20, 30]))
                lines.append(
                    Command.create(
                        {
                            "product_id": product_id,
                            "product_uom_qty": self.random.randint(1, 20),
                            "price_unit": price,
                            "discount": discount,
                        }
                    )
                )
            values.append(
                {
                    "partner_id": self.random.choice(customer_ids),
                    "user_id": self.random.choice(user_ids),
                    "order_line": lines,
                }
            )
        Order = self.env["sale.order"]
        orders = Order
        for batch in self._batches(values):
            created = Order.create(batch)
            confirmed = created.filtered(lambda _o: self.random.random() < confirm_ratio)
            confirmed.action_confirm()
            invoiced = confirmed.filtered(lambda _o: self.random.random() < invoice_ratio)
            if invoiced:
                invoiced._create_invoices(grouped=True).action_post()
            orders |= created
            self._end_batch()
        return orders

    def payments(self, invoices, count, partial_ratio=0.0, max_delay=90, end=None, journal=None):
        """``count`` customer payments on the open ``invoices`` (oldest first), reconciled
        with them; ``partial_ratio`` of them pay part of the invoice only.

        Payments are created and posted per batch, and each batch is reconciled in one
        ``_reconcile_plan`` call, as the batch payment wizard does. A payment is dated up to
        ``max_delay`` days after its invoice, never after ``end`` (default: today), in
        the bank ``journal`` (default: the first one).
        """
        Payment = self.env["account.payment"]
        end = fields.Date.to_date(end) if end else fields.Date.context_today(Payment)
        bank = journal or self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        targets = invoices.filtered(
            lambda m: m.move_type == "out_invoice" and m.payment_state == "not_paid"
        ).sorted(lambda m: (m.invoice_date, m.id))[:count]
        payments = Payment
        for batch in self._batches(targets):
            values = []
            for move in batch:
                amount = move.amount_residual
                if self.random.random() < partial_ratio:
                    amount = move.currency_id.round(amount * self.random.uniform(0.2, 0.8))
                values.append(
                    {
                        "payment_type": "inbound",
                        "partner_type": "customer",
                        "partner_id": move.commercial_partner_id.id,
                        "amount": amount,
                        "currency_id": move.currency_id.id,
                        "date": min(
                            move.invoice_date + timedelta(days=self.random.randint(0, max_delay)),
                            end,
                        ),
                        "journal_id": bank.id,
                        "memo": move.name,
                    }
                )
            created = Payment.create(values)
            created.action_post()
            self.env["account.move.line"]._reconcile_plan(
                [
                    (payment.move_id.line_ids | move.line_ids).filtered(
                        lambda line: line.account_id.account_type == "asset_receivable"
                    )
                    for payment, move in zip(created, batch, strict=True)
                ]
            )
            payments |= created
            self._end_batch()
        return payments
