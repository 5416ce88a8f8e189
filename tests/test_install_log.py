"""Installing the suite with demo data at --log-level=warn prints nothing from its modules."""

import re
import shutil
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

from odoo import sql_db
from odoo.tests import BaseCase, tagged
from odoo.tools import SQL, config

ROOT = Path(__file__).resolve().parent.parent
MODULES = (
    "customer_archive",
    "sales_ledger",
    "sales_reconciliation",
    "complaint_tracking",
    "complaint_tracking_sales_ledger",
)
PROBLEM = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")


@tagged("post_install", "-at_install")
class TestInstallLog(BaseCase):
    def test_install_with_demo_is_quiet(self):
        database = f"sales_ledger_install_{uuid.uuid4().hex[:8]}"
        odoo = [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={config['addons_path']}",
        ]
        try:
            result = subprocess.run(
                [
                    *odoo,
                    "-d",
                    database,
                    "-i",
                    ",".join(MODULES),
                    "--stop-after-init",
                    "--log-level=warn",
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=1800,
            )
        finally:
            with closing(sql_db.db_connect("postgres").cursor()) as cr:
                cr._cnx.autocommit = True  # DROP DATABASE cannot run in a transaction
                cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(database)))
            shutil.rmtree(config.filestore(database), ignore_errors=True)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        # A warning is ours when its logger or its text names one of the suite's modules.
        ours = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if PROBLEM.match(line) and any(module in line for module in MODULES)
        ]
        self.assertFalse(ours, "\n".join(ours))
