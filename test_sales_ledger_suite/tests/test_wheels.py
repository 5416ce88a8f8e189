"""The add-ons install from wheels, as from a package index (OCA style, built by whool).

The test builds the wheel of each add-on from its folder, installs them into a fresh
virtual environment and checks that Odoo, started there without any ``--addons-path``,
finds every add-on in the environment's ``site-packages`` and not in the repository.

The new environment sees, after its own ``site-packages``, the site-packages of the
environment running this test (a ``.pth`` file, as ``--system-site-packages`` does for a
base interpreter; the suite's tests usually run in a virtual environment of their own), so
Odoo, its requirements and OCA ``report_xlsx`` need not be installed again: that would take
minutes and the network. What it proves is therefore "the wheels of the suite install beside
an existing Odoo 18, their requirements are met, and Odoo finds them there", not "Odoo
installs from PyPI". A control run of the current interpreter, with the same empty
configuration, shows that the current environment alone does not provide the add-ons, so
what the new environment finds came from the wheels.
"""

import email.parser
import importlib.util
import json
import logging
import os
import shutil
import site
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

# The suite's add-ons are the dependencies of this test-only add-on.
ADDONS = tuple(get_manifest("test_sales_ledger_suite")["depends"])

# Run by the interpreter under test: where do the add-ons resolve, with no addons path?
PROBE = r"""
import importlib, importlib.metadata, importlib.util, json, sys, sysconfig
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]], setup_logging=False)
from odoo.modules import module
module.initialize_sys_path()
load = sys.argv[2] == "import"
result = {"purelib": sysconfig.get_paths()["purelib"], "addons": {}}
for name in sys.argv[3:]:
    spec = importlib.util.find_spec("odoo.addons." + name)
    found = {
        "path": module.get_module_path(name, display_warning=False),
        "origin": spec and spec.origin,
    }
    if spec and load:
        manifest = module.get_manifest(name)
        found["manifest"] = {k: manifest[k] for k in ("version", "license")}
        found["file"] = importlib.import_module("odoo.addons." + name).__file__
        found["dist_version"] = importlib.metadata.version("odoo-addon-" + name)
    result["addons"][name] = found
print(json.dumps(result))
"""


@tagged("post_install", "-at_install")
class TestWheels(TransactionCase):
    def _run(self, step, cmd, cwd, env=None, timeout=300):
        started = time.monotonic()
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            env=env or self.env_vars,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        self.assertEqual(
            proc.returncode,
            0,
            f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}",
        )
        self.timings[step] = round(time.monotonic() - started, 1)
        return proc.stdout

    def _git_state(self, repo, folders):
        if repo is None:
            return None
        return subprocess.run(
            ["git", "status", "--porcelain", "--ignored", "--", *folders],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def test_wheels_install_into_a_fresh_virtualenv(self):
        self.timings = {}
        folders = {name: Path(get_module_path(name)).resolve() for name in ADDONS}
        for name, folder in folders.items():
            pyproject = (folder / "pyproject.toml").read_text(encoding="utf-8")
            self.assertIn('build-backend = "whool.buildapi"', pyproject, name)

        tmp = Path(tempfile.mkdtemp(prefix="sales-ledger-wheels-"))
        self.addCleanup(shutil.rmtree, tmp, ignore_errors=True)
        # Neither the repository nor a user's configuration may leak into the runs.
        self.env_vars = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "ODOO_RC", "VIRTUAL_ENV", "PYTHONHOME")
        }
        self.env_vars.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONNOUSERSITE="1")

        try:
            repo = subprocess.run(
                ["git", "rev-parse", "--show-toplevel"],
                cwd=folders["customer_archive"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            repo = None  # installed from an archive: nothing to keep clean
        state_before = self._git_state(repo, list(folders.values()))

        # 1. One wheel per add-on. whool is in requirements-dev.txt; without it pip
        # fetches the backend from the package index into an isolated build env.
        dist = tmp / "dist"
        build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist]
        if importlib.util.find_spec("whool"):
            build.append("--no-build-isolation")
        self._run("build", [*build, *folders.values()], cwd=tmp)
        wheels = {w.name.split("-")[0]: w for w in dist.glob("*.whl")}
        self.assertEqual(sorted(wheels), sorted(f"odoo_addon_{n}" for n in ADDONS))
        metadata = {}
        for name in ADDONS:
            with zipfile.ZipFile(wheels[f"odoo_addon_{name}"]) as whl:
                (meta,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
                metadata[name] = email.parser.Parser().parsestr(whl.read(meta).decode())
                self.assertIn(f"odoo/addons/{name}/__manifest__.py", whl.namelist())
            self.assertEqual(metadata[name]["License"], "AGPL-3", name)
            self.assertTrue(metadata[name]["Version"].startswith("18.0."), name)
        # Manifest depends become requirements: other add-ons of the suite and OCA's
        # (report_xlsx, sale_tier_validation) by their PyPI names, Odoo's own not at all.
        requires = set(metadata["sales_ledger"].get_all("Requires-Dist"))
        self.assertEqual(
            requires,
            {
                "odoo==18.0.*",
                "odoo-addon-customer_archive==18.0.*",
                "odoo-addon-report_xlsx==18.0.*",
                "odoo-addon-sale_tier_validation==18.0.*",
            },
        )

        # 2. A fresh environment, without a pip of its own (the one of the current
        # environment serves, and ensurepip costs ~10 s), that sees the current
        # environment's site-packages after its own: addsitedir also reads their .pth
        # files (Odoo installed in editable mode).
        venv = tmp / "venv"
        self._run("venv", [sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
        python = venv / "bin" / "python"
        purelib = self._run(
            "paths",
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=tmp,
        ).strip()
        Path(purelib, "_current_environment.pth").write_text(
            "".join(f"import site; site.addsitedir({d!r})\n" for d in site.getsitepackages()),
            encoding="utf-8",
        )
        # Install by name, dependencies resolved (not --no-deps) from the wheels just
        # built and what the current environment already has.
        self._run(
            "install",
            [
                python,
                "-m",
                "pip",
                "install",
                "--no-index",
                "--find-links",
                dist,
                *(f"odoo-addon-{name}" for name in ADDONS),
            ],
            cwd=tmp,
        )

        # 3. Odoo there, with an empty configuration (no addons path), finds them.
        conf = tmp / "empty.conf"
        conf.write_text("[options]\n")
        probe_env = dict(self.env_vars, HOME=str(tmp))
        found = json.loads(
            self._run("probe", [python, "-c", PROBE, conf, "import", *ADDONS], tmp, probe_env)
        )
        purelib = Path(found["purelib"]).resolve()
        self.assertTrue(purelib.is_relative_to(venv.resolve()), purelib)
        for name in ADDONS:
            addon = found["addons"][name]
            installed = purelib / "odoo" / "addons" / name
            self.assertTrue(addon["path"], f"{name} not found in the virtual environment")
            self.assertEqual(Path(addon["path"]).resolve(), installed, name)
            self.assertEqual(Path(addon["origin"]).resolve(), installed / "__init__.py")
            self.assertEqual(Path(addon["file"]).resolve(), installed / "__init__.py")
            self.assertFalse(installed.is_relative_to(folders[name].parent), name)
            self.assertEqual(addon["dist_version"], metadata[name]["Version"], name)
            self.assertEqual(addon["manifest"]["license"], "AGPL-3", name)
            self.assertTrue(
                metadata[name]["Version"].startswith(addon["manifest"]["version"]), name
            )

        # 4. Control: the current interpreter, same empty configuration, finds none.
        control = json.loads(
            self._run(
                "control", [sys.executable, "-c", PROBE, conf, "locate", *ADDONS], tmp, probe_env
            )
        )
        for name in ADDONS:
            self.assertEqual(
                control["addons"][name],
                {"path": False, "origin": None},
                f"{name} is already installed in the environment running the tests: the "
                "check above cannot tell the wheels from it",
            )

        self.assertEqual(self._git_state(repo, list(folders.values())), state_before)
        _logger.info("wheels built and installed; seconds per step: %s", self.timings)
