"""The test command: Odoo's own runner and pytest-odoo over the same tests, compared.

1. Odoo's runner (`odoo --test-enable`, as on runbot, odoo.sh and oca-ci) installs every add-on
   into a new database and runs the at_install and post_install tests; its log is kept.
2. The log of that install and test run must hold no warning or error of the suite.
3. pytest-odoo runs every add-on's tests on the same database, under coverage.
4. Both runners must have run the same tests; the last line counts both.
With pytest arguments (a selection, e.g. -k statement), only step 3 runs, on a fresh install.
"""

import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter

from suite_venv import ROOT, VENV, log

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): (?P<message>.*)"
)
STARTED = re.compile(
    r"odoo\.addons\.(?P<module>\w+)\.tests\.(?P<file>\w+): Starting (?P<test>[\w.]+) \.\.\."
)
FAILED = re.compile(r"odoo\.addons\.(?P<module>\w+)\.tests\.\w+: (?:FAIL|ERROR): ")
PROBLEM_LEVELS = ("WARNING", "ERROR", "CRITICAL")


def odoo(conf, *args):
    return [sys.executable, "-m", "odoo", "-c", str(conf), *args]


def odoo_runner(conf, database, modules, log_path):
    """Install with --test-enable; return (exit code, tests run, failures, log problems)."""
    log(f"Odoo's runner: installing {len(modules)} add-ons into {database} and running their tests")
    with log_path.open("w") as out:
        code = subprocess.run(
            odoo(
                conf,
                "-d",
                database,
                "-i",
                ",".join(modules),
                "--test-tags",
                ",".join(f"/{m}" for m in modules),  # the suite's tests, not Odoo's
                "--stop-after-init",
            ),
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    tests, failures, problems = set(), [], []
    suite = tuple(f"odoo.addons.{m}" for m in modules)
    named = re.compile(rf"\b({'|'.join(modules)})\b")
    for line in log_path.read_text(errors="replace").splitlines():
        if started := STARTED.search(line):
            tests.add(f"{started['module']}.tests.{started['file']}.{started['test']}")
        elif FAILED.search(line):
            failures.append(line)
        elif (head := LINE.match(line)) and head["level"] in PROBLEM_LEVELS:
            if head["logger"].startswith(suite) or named.search(head["message"]):
                problems.append(line)
    return code, tests, failures, problems


def pytest_runner(conf, database, modules, args, junit):
    """pytest-odoo over every add-on's tests, under coverage; return the exit code."""
    paths = [str(ROOT / m / "tests") for m in modules if (ROOT / m / "tests").is_dir()]
    coverage = [sys.executable, "-m", "coverage"]
    sources = ",".join(str(ROOT / m) for m in modules)
    command = [
        *coverage,
        "run",
        f"--data-file={VENV / '.coverage'}",
        f"--source={sources}",
        "--omit=*/tests/*",
        "-m",
        "pytest",
        "-c",
        str(ROOT / "pytest.ini"),
        "--rootdir",
        str(ROOT),
        f"--odoo-database={database}",
        f"--odoo-config={conf}",
        "--odoo-http",
        f"--junitxml={junit}",
        *paths,
        *args,
    ]
    log("pytest-odoo: running the tests")
    code = subprocess.run(command, cwd=ROOT, check=False).returncode
    subprocess.run(
        [
            *coverage,
            "report",
            f"--data-file={VENV / '.coverage'}",
            "--skip-covered",
            "--sort=cover",
        ],
        cwd=ROOT,
        check=False,
    )
    return code


def junit_results(junit):
    """{test id: outcome} from pytest's JUnit XML; ids as Odoo's runner names them."""
    results = {}
    if not junit.is_file():
        return results
    for case in ET.parse(junit).iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped":
                outcome = "skipped"
        results[f"{case.get('classname')}.{case.get('name')}"] = outcome
    return results


def compare(modules, odoo_tests, pytest_tests):
    """Print the tests per module of each runner and those only one ran; return the latter."""
    for module in modules:
        counts = [
            sum(1 for t in tests if t.split(".")[0] == module)
            for tests in (odoo_tests, pytest_tests)
        ]
        log(f"{module}: Odoo's runner {counts[0]} tests, pytest {counts[1]}")
    mismatch = sorted(odoo_tests ^ pytest_tests)
    for test in mismatch:
        log(f"only {'Odoo' if test in odoo_tests else 'pytest'} ran {test}")
    return mismatch


def run_tests(conf, addons, test_addons, pytest_args, drop_database):
    modules = addons + test_addons
    database = f"sales_ledger_test_{time.strftime('%Y%m%d%H%M%S')}"
    logs = VENV / "test-logs"
    logs.mkdir(exist_ok=True)
    log_path = logs / f"{database}.log"
    junit = logs / f"{database}.xml"
    selection = bool(pytest_args)
    started = time.time()
    try:
        if selection:
            log(f"installing the add-ons into {database} (no Odoo runner for a selection)")
            with log_path.open("w") as out:
                subprocess.run(
                    odoo(conf, "-d", database, "-i", ",".join(modules), "--stop-after-init"),
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    check=True,
                )
            odoo_code, odoo_tests, failures, problems = 0, set(), [], []
        else:
            odoo_code, odoo_tests, failures, problems = odoo_runner(
                conf, database, modules, log_path
            )
            for line in failures + problems:
                print(line)
            log(f"Odoo's runner: {len(odoo_tests)} tests, {len(failures)} failed, exit {odoo_code}")
        pytest_code = pytest_runner(conf, database, modules, pytest_args, junit)
    finally:
        drop_database(database)
        log(f"dropped {database}; the log is {log_path.relative_to(ROOT)}")
    results = junit_results(junit)
    outcomes = Counter(results.values())
    mismatch = [] if selection else compare(modules, odoo_tests, set(results))
    if problems:
        log(f"{len(problems)} warnings or errors of the suite in the test run's log (above)")
    failed = outcomes["failed"] + len(failures) + len(mismatch) + len(problems)
    if odoo_code and not failures:
        failed += 1  # the runner failed outside a test (install error): see the log
    log(f"finished in {time.time() - started:.0f} s")
    summary = f"{outcomes['passed']} passed, {failed} failed"
    if outcomes["skipped"]:
        summary += f", {outcomes['skipped']} skipped"
    print(f"tests: {summary}", flush=True)
    return 1 if failed or pytest_code else 0
