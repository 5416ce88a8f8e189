#!/usr/bin/env python3
"""Set up, run and test the sales-ledger suite on a local Odoo 18.0.

    python3 scripts/suite.py setup [--odoo-src DIR]   # install Odoo (if needed) and requirements
    python3 scripts/suite.py run [--odoo-src DIR] [--port N] [--database NAME]
    python3 scripts/suite.py test [pytest arguments]
    python3 scripts/suite.py i18n --database NAME [MODULE ...]

Every failure the user can fix is reported on one line with its cause and the fix;
the script never shows a traceback for those.
"""

import argparse
import contextlib
import importlib
import os
import re
import shutil
import site
import socket
import subprocess
import sys
import tempfile
import time
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "odoo.conf"
MODULES = (
    "customer_archive",
    "sales_ledger",
    "sales_reconciliation",
    "complaint_tracking",
    "complaint_tracking_sales_ledger",
)
# Debian packages for PDF reports with Chinese text, browser tests, and the build of
# Odoo's source-only requirements (psycopg2, python-ldap).
SYSTEM_PACKAGES = {
    "wkhtmltopdf": "wkhtmltopdf",
    "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "chromium": "chromium",
    "poppler-utils": "pdftoppm",
}
BUILD_PACKAGES = ("gcc", "python3-dev", "libpq-dev", "libldap2-dev", "libsasl2-dev")


class SuiteError(Exception):
    """A problem the user can fix: printed as one line, exit code 1."""


def log(message):
    print(f"[suite] {message}", flush=True)


def run(cmd, env=None, **kwargs):
    result = subprocess.run(cmd, env=env, check=False, **kwargs)
    if result.returncode:
        raise SuiteError(f"command failed ({result.returncode}): {' '.join(map(str, cmd))}")
    return result


# --------------------------------------------------------------------------- Odoo


def odoo_version():
    """Version of the importable `odoo` package, or None."""
    importlib.invalidate_caches()
    try:
        release = importlib.import_module("odoo.release")
    except ImportError:
        return None
    return release.version


def source_version(src):
    release = src / "odoo" / "release.py"
    if not release.is_file():
        raise SuiteError(
            f"{src} is not an Odoo source tree (no odoo/release.py): "
            "pass the folder that contains odoo-bin to --odoo-src"
        )
    found = re.search(r"^version_info = \((\d+), (\d+)", release.read_text(), re.MULTILINE)
    return f"{found[1]}.{found[2]}" if found else "unknown"


def install_odoo_source(src):
    version = source_version(src)
    if not version.startswith("18.0"):
        raise SuiteError(f"{src} holds Odoo {version}; this suite needs Odoo 18.0")
    apt_install(BUILD_PACKAGES, needed=[p for p in BUILD_PACKAGES if not debian_has(p)])
    log(f"installing Odoo {version} from {src} and its requirements (this takes a few minutes)")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as constraints:
        # Odoo 18 pins old sdists whose build breaks with setuptools >= 81.
        constraints.write("setuptools<81\n")
    env = dict(os.environ, PIP_CONSTRAINT=constraints.name)
    try:
        pip = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check"]
        run([*pip, "-r", str(src / "requirements.txt")], env=env)
        run([*pip, "--config-settings", "editable_mode=compat", "-e", str(src)], env=env)
    finally:
        os.unlink(constraints.name)


def ensure_odoo(src):
    current = odoo_version()
    if src:
        src = Path(src).expanduser().resolve()
        if not src.is_dir():
            raise SuiteError(
                f"--odoo-src {src} does not exist: pass the folder that contains odoo-bin"
            )
        if current and Path(importlib.import_module("odoo").__file__).parent.parent == src:
            log(f"Odoo {current} from {src} is installed")
            return
        install_odoo_source(src)
        for folder in site.getsitepackages():  # read the .pth the editable install wrote
            site.addsitedir(folder)
        current = odoo_version()
    if not current:
        raise SuiteError(
            "no Odoo found: python3 cannot import odoo; pass your Odoo 18.0 source tree with "
            "--odoo-src DIR (the folder that contains odoo-bin)"
        )
    if not current.startswith("18.0"):
        raise SuiteError(
            f"python3 imports Odoo {current}; this suite needs 18.0: pass --odoo-src DIR"
        )
    log(f"Odoo {current} is importable")


# --------------------------------------------------------------------------- system


def debian_has(package):
    return (
        subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.endswith("installed")
        if shutil.which("dpkg-query")
        else True
    )


def apt_install(packages, needed):
    if not needed:
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        log(f"missing system packages {', '.join(needed)}: install them with your package manager")
        return
    log(f"installing {', '.join(needed)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
    run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *needed],
        env=env,
        stdout=subprocess.DEVNULL,
    )


def ensure_system_packages():
    missing = [
        pkg
        for pkg, probe in SYSTEM_PACKAGES.items()
        if not (Path(probe).exists() if probe.startswith("/") else shutil.which(probe))
    ]
    apt_install(SYSTEM_PACKAGES, missing)


def ensure_requirements(dev):
    args = ["-r", str(ROOT / "requirements.txt")]
    if dev:
        args += ["-r", str(ROOT / "requirements-dev.txt")]
    log("installing the suite's Python requirements (when missing)")
    env = dict(os.environ, PIP_ROOT_USER_ACTION="ignore")
    run(
        [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
        env=env,
    )


# --------------------------------------------------------------------------- PostgreSQL and config


def read_conf():
    parser = ConfigParser()
    parser.read(CONF)
    return dict(parser["options"]) if parser.has_section("options") else {}


def conf_value(conf, key):
    value = conf.get(key, "")
    return None if value in ("", "False", "None") else value


def pg_connect(conf, dbname="postgres"):
    import psycopg2  # pylint: disable=import-outside-toplevel  # installed with Odoo

    params = {"dbname": dbname}
    for key in ("host", "port", "user", "password"):
        value = conf_value(conf, f"db_{key}")
        if value:
            params[key] = value
    try:
        return psycopg2.connect(**params, connect_timeout=5)
    except psycopg2.OperationalError as exc:
        where = f"{params.get('host', 'local socket')}:{params.get('port', 5432)}"
        reason = str(exc).strip().splitlines()[0]
        raise SuiteError(
            f"PostgreSQL does not answer at {where} ({reason}): start it "
            "(Debian: pg_ctlcluster <version> main start) or set db_host/db_port in odoo.conf"
        ) from None


@contextlib.contextmanager
def pg_cursor(conf):
    connection = pg_connect(conf)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def ensure_postgres():
    with pg_cursor(read_conf()) as cursor:
        cursor.execute("SHOW server_version")
        log(f"PostgreSQL {cursor.fetchone()[0]} answers")


def addons_path():
    """The suite's folder plus the addons folder of the Odoo source tree, when it has one."""
    root = Path(importlib.import_module("odoo").__file__).resolve().parent.parent
    paths = [ROOT, root / "addons"]
    return ",".join(str(p) for p in paths if p.is_dir())


def odoo_command(*args):
    return [sys.executable, "-m", "odoo", "-c", str(CONF), f"--addons-path={addons_path()}", *args]


def installed_modules(conf, database):
    with pg_cursor(conf) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if not cursor.fetchone():
            return None
    connection = pg_connect(conf, database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
                [list(MODULES)],
            )
            return {row[0] for row in cursor.fetchall()}
    finally:
        connection.close()


def drop_database(database):
    """Drop a database and its filestore."""
    import psycopg2.sql  # pylint: disable=import-outside-toplevel  # installed with Odoo

    from odoo.tools import config  # pylint: disable=import-outside-toplevel

    with pg_cursor(read_conf()) as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        cursor.execute(
            psycopg2.sql.SQL("DROP DATABASE IF EXISTS {}").format(psycopg2.sql.Identifier(database))
        )
    config.parse_config(["-c", str(CONF)])
    shutil.rmtree(config.filestore(database), ignore_errors=True)


def ensure_port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise SuiteError(
                f"port {port} is already in use: stop what listens there or pass --port N"
            ) from None


# --------------------------------------------------------------------------- commands


def cmd_setup(args, dev=True):
    ensure_odoo(args.odoo_src)
    ensure_system_packages()
    ensure_requirements(dev=dev)
    ensure_postgres()


def cmd_run(args):
    cmd_setup(args, dev=False)
    conf = read_conf()
    database = args.database or conf_value(conf, "db_name")
    port = args.port or int(conf_value(conf, "http_port") or 8069)
    ensure_port_free(port)
    installed = installed_modules(conf, database)
    missing = [m for m in MODULES if m not in (installed or ())]
    if missing:
        log(f"installing {', '.join(missing)} with demo data into database {database}")
        run(odoo_command("-d", database, "-i", ",".join(missing), "--stop-after-init"))
        ensure_port_free(port)  # the install takes minutes: check again
    log(f"Odoo serves the suite on http://localhost:{port} (database {database}, admin/admin)")
    os.execv(sys.executable, odoo_command("-d", database, f"--http-port={port}"))


def cmd_test(args):
    ensure_odoo(None)
    ensure_postgres()
    database = f"sales_ledger_test_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
    log(f"installing the suite into the new database {database}")
    try:
        run(
            odoo_command(
                "-d",
                database,
                "-i",
                ",".join(MODULES),
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            )
        )
        tests = [str(ROOT / m / "tests") for m in MODULES if (ROOT / m / "tests").is_dir()]
        tests.append(str(ROOT / "tests"))
        pytest = [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pytest.ini"),
            "--rootdir",
            str(ROOT),
            f"--odoo-database={database}",
            f"--odoo-config={CONF}",
            f"--odoo-addons-path={addons_path()}",
            "--odoo-http",
            *tests,
            *args.pytest_args,
        ]
        log("running the tests")
        return subprocess.run(pytest, cwd=ROOT, check=False).returncode
    finally:
        drop_database(database)
        log(f"dropped {database}")


def cmd_i18n(args):
    """Refresh each module's .pot from a database that has it and merge it into zh_CN.po."""
    for module in args.modules or MODULES:
        i18n = ROOT / module / "i18n"
        pot = i18n / f"{module}.pot"
        run(
            odoo_command(
                "-d",
                args.database,
                f"--i18n-export={pot}",
                f"--modules={module}",
                "--stop-after-init",
                "--log-level=warn",
            )
        )
        po = i18n / "zh_CN.po"
        if po.exists():
            run(
                [
                    "msgmerge",
                    "--quiet",
                    "--no-fuzzy-matching",
                    "--update",
                    "--backup=none",
                    str(po),
                    str(pot),
                ]
            )
        else:
            shutil.copy(pot, po)
        log(f"{po.relative_to(ROOT)}: fill in the empty msgstr")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("setup", "run"):
        cmd = sub.add_parser(name)
        cmd.add_argument(
            "--odoo-src", help="an Odoo 18.0 source tree to install when python3 cannot import odoo"
        )
    sub.choices["run"].add_argument(
        "--port", type=int, help="HTTP port (default: http_port of odoo.conf)"
    )
    sub.choices["run"].add_argument(
        "--database", help="database name (default: db_name of odoo.conf)"
    )
    i18n = sub.add_parser(
        "i18n", help="refresh the modules' .pot and zh_CN.po (needs gettext's msgmerge)"
    )
    i18n.add_argument(
        "--database", required=True, help="a database where the modules are installed"
    )
    i18n.add_argument("modules", nargs="*", help="modules to refresh (default: all four)")
    test = sub.add_parser("test")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra pytest arguments")
    args = parser.parse_args(argv)
    try:
        result = {"setup": cmd_setup, "run": cmd_run, "test": cmd_test, "i18n": cmd_i18n}[
            args.command
        ](args)
    except SuiteError as exc:
        print(f"[suite] error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return result or 0


if __name__ == "__main__":
    sys.exit(main())
