#!/usr/bin/env python3
"""Set up, run and test the sales-ledger suite on a local Odoo 18.0.

    python3 scripts/suite.py run [--odoo-src DIR] [--port N] [--database NAME]
    python3 scripts/suite.py test [--odoo-src DIR] [pytest arguments]
    python3 scripts/suite.py setup [--odoo-src DIR]     # the set-up part of run alone
    python3 scripts/suite.py lint [pre-commit arguments]
    python3 scripts/suite.py i18n --database NAME [MODULE ...]

Everything is installed into the repository's own virtual environment, .venv/.
Every failure the user can fix is reported on one line with its cause and the fix;
the script never shows a traceback for those.
"""

import argparse
import ast
import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from suite_venv import (  # noqa: E402
    ODOO_ARCHIVE,
    ROOT,
    VENV,
    SuiteError,
    apt_install,
    ensure_venv,
    inside_venv,
    log,
    run,
)

CONF = ROOT / "odoo.conf"
# Debian packages for PDF reports with Chinese text, browser tests and PDF checks.
SYSTEM_PACKAGES = {
    "wkhtmltopdf": "wkhtmltopdf",
    "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "chromium": "chromium",
    "poppler-utils": "pdftoppm",
}
PASSWORD_ENV = "ODOO_MASTER_PASSWORD"


def addons(tests=False):
    """The repository's add-ons, read from their manifests (test-only add-ons when asked)."""
    found = []
    for manifest in sorted(ROOT.glob("*/__manifest__.py")):
        name = manifest.parent.name
        if name.startswith("test_") == tests and ast.literal_eval(manifest.read_text()).get(
            "installable", True
        ):
            found.append(name)
    return found


# --------------------------------------------------------------------------- system and PostgreSQL


def ensure_system_packages():
    apt_install(
        [
            package
            for package, probe in SYSTEM_PACKAGES.items()
            if not (Path(probe).exists() if probe.startswith("/") else shutil.which(probe))
        ]
    )


def report_wkhtmltopdf_build():
    """Say which wkhtmltopdf build prints the reports: the distributions ship the reduced one."""
    binary = shutil.which("wkhtmltopdf")
    if not binary:
        return
    version = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if "patched qt" in version.lower():
        log(f"PDF reports: {version}")
        return
    log(
        f"PDF reports: {version or 'wkhtmltopdf'} is the reduced build (Qt unpatched). The suite "
        "prints each record on its own and puts the company header and footer in the page "
        "body; the patched build (https://wkhtmltopdf.org/downloads.html) would add headers "
        "and footers on every page with page numbers, and print many records in one run."
    )


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
def pg_cursor(conf, dbname="postgres"):
    connection = pg_connect(conf, dbname)
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


def installed_modules(database, modules):
    conf = read_conf()
    with pg_cursor(conf) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if not cursor.fetchone():
            return set()
    with pg_cursor(conf, database) as cursor:
        cursor.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
            [modules],
        )
        return {row[0] for row in cursor.fetchall()}


def drop_database(database):
    """Drop a database and its filestore."""
    from psycopg2 import sql  # pylint: disable=import-outside-toplevel  # installed with Odoo

    from odoo.tools import config  # pylint: disable=import-outside-toplevel

    with pg_cursor(read_conf()) as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(database)))
    config.parse_config(["-c", str(CONF)])
    shutil.rmtree(config.filestore(database), ignore_errors=True)


def port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # as Odoo's server binds: a server stopped a moment ago (TIME_WAIT) is no obstacle
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def ensure_port_free(port):
    if not port_free(port):
        raise SuiteError(f"port {port} is already in use: stop what listens there or pass --port N")


# --------------------------------------------------------------------------- Odoo's configuration


def master_password():
    """The database manager's master password: from the environment, or generated once."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    folder = (
        Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "sales-ledger-suite"
    )
    stored = folder / "master-password"
    if stored.is_file():
        return stored.read_text().strip()
    folder.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    stored.touch(mode=0o600)
    stored.write_text(password + "\n")
    log(f"generated the master password (database manager): {password}")
    log(f"it is kept in {stored}; set {PASSWORD_ENV} to use another one")
    return password


def odoo_conf(name, **options):
    """odoo.conf of the repository plus the machine's own options, written into .venv/."""
    import odoo  # pylint: disable=import-outside-toplevel

    source = Path(odoo.__file__).resolve().parent.parent
    parser = ConfigParser()
    parser.read(CONF)
    values = parser["options"]
    values["addons_path"] = ",".join(
        str(path) for path in (ROOT, source / "addons") if path.is_dir()
    )
    values["admin_passwd"] = master_password()
    for key, value in options.items():
        values[key] = str(value)
    path = VENV / name
    path.touch(mode=0o600)
    with path.open("w") as file:
        parser.write(file)
    return path


def odoo_command(conf, *args):
    return [sys.executable, "-m", "odoo", "-c", str(conf), *args]


# --------------------------------------------------------------------------- commands


def cmd_setup(args):
    ensure_system_packages()
    report_wkhtmltopdf_build()
    ensure_postgres()
    log(f"ready: Odoo 18.0 and the suite's requirements are in {VENV.name}/")


def cmd_run(args):
    cmd_setup(args)
    conf = read_conf()
    database = args.database or conf_value(conf, "db_name")
    port = args.port or int(conf_value(conf, "http_port") or 8069)
    ensure_port_free(port)
    run_conf = odoo_conf("odoo.conf", http_port=port)
    modules = addons()
    missing = [m for m in modules if m not in installed_modules(database, modules)]
    if missing:
        log(f"installing {', '.join(missing)} with demo data into database {database}")
        run(odoo_command(run_conf, "-d", database, "-i", ",".join(missing), "--stop-after-init"))
        ensure_port_free(port)  # the install takes minutes: check again
    log(f"Odoo serves the suite on http://localhost:{port} (database {database}, admin/admin)")
    os.execv(sys.executable, odoo_command(run_conf, "-d", database))


def cmd_test(args):
    from suite_testrun import run_tests  # pylint: disable=import-outside-toplevel

    ensure_system_packages()
    ensure_postgres()
    port = next(p for p in range(8169, 8269) if port_free(p))
    conf = odoo_conf("odoo-test.conf", http_port=port, without_demo="all", log_level="info")
    return run_tests(
        conf=conf,
        addons=addons(),
        test_addons=addons(tests=True),
        pytest_args=args.extra,
        drop_database=drop_database,
    )


def cmd_lint(args):
    env = dict(os.environ, PATH=f"{VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    extra = args.extra or ["--all-files", "--show-diff-on-failure"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *extra], cwd=ROOT, env=env, check=False
    ).returncode


def cmd_i18n(args):
    """Refresh each module's .pot from a database that has it and merge it into zh_CN.po."""
    conf = odoo_conf("odoo.conf")
    for module in args.modules or addons():
        i18n = ROOT / module / "i18n"
        pot = i18n / f"{module}.pot"
        run(
            odoo_command(
                conf,
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
        # The layout the linters check (OCA's po-pretty-format), not msgmerge's.
        run([sys.executable, "-m", "oca_pre_commit_hooks.cli_po", "--fix", "--no-exit", str(po)])
        log(f"{po.relative_to(ROOT)}: fill in the empty msgstr")


COMMANDS = {
    "setup": cmd_setup,
    "run": cmd_run,
    "test": cmd_test,
    "lint": cmd_lint,
    "i18n": cmd_i18n,
}


def parser():
    main = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = main.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        cmd = sub.add_parser(name)
        cmd.add_argument("--odoo-src", help="an Odoo 18.0 source tree to install into .venv (once)")
        cmd.add_argument(
            "--odoo-archive",
            default=ODOO_ARCHIVE,
            help="where to download Odoo 18.0's source archive when no source tree is found",
        )
    sub.choices["run"].add_argument("--port", type=int, help="HTTP port (default: odoo.conf's)")
    sub.choices["run"].add_argument("--database", help="database (default: odoo.conf's db_name)")
    sub.choices["i18n"].add_argument(
        "--database", required=True, help="a database where the modules are installed"
    )
    sub.choices["i18n"].add_argument("modules", nargs="*", help="modules (default: all)")
    return main


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args, extra = parser().parse_known_args(argv)
    if extra and args.command not in ("test", "lint"):
        parser().error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    try:
        if not inside_venv():
            python = ensure_venv(
                args.odoo_src,
                dev=args.command in ("test", "lint", "i18n"),
                archive_url=args.odoo_archive,
            )
            sys.stdout.flush()
            os.execv(python, [str(python), str(Path(__file__).resolve()), *argv])
        return COMMANDS[args.command](args) or 0
    except SuiteError as exc:
        print(f"[suite] error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
