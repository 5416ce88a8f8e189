"""The suite's own virtual environment (.venv) with Odoo 18.0 and the suite's requirements.

Runs with the user's python3 and the standard library only. Odoo comes from, in this order:
the source tree given with --odoo-src, the one the environment was built from before, the one
python3 already imports, or Odoo's official 18.0 source archive (downloaded once).
A stamp in the environment records what was installed, so a second run installs nothing.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "suite-stamp.json"
DOWNLOADS = VENV / "odoo-download"
ODOO_ARCHIVE = "https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
PYTHON_VERSIONS = ((3, 10), (3, 13))
# Debian packages that Odoo's source-only requirements (psycopg2, python-ldap) build with.
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


def venv_python():
    return VENV / "bin" / "python"


def inside_venv():
    return Path(sys.prefix).resolve() == VENV.resolve()


# --------------------------------------------------------------------------- system packages


def debian_has(package):
    if not shutil.which("dpkg-query"):
        return True
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return status.endswith("installed")


def apt_install(needed):
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


# --------------------------------------------------------------------------- Odoo source


def source_version(src):
    release = src / "odoo" / "release.py"
    if not release.is_file():
        raise SuiteError(
            f"{src} is not an Odoo source tree (no odoo/release.py): "
            "pass the folder that contains odoo-bin to --odoo-src"
        )
    found = re.search(r"^version_info = \((\d+), (\d+)", release.read_text(), re.MULTILINE)
    return f"{found[1]}.{found[2]}" if found else "unknown"


def checked_source(src):
    src = Path(src).expanduser().resolve()
    if not src.is_dir():
        raise SuiteError(f"--odoo-src {src} does not exist: pass the folder that contains odoo-bin")
    version = source_version(src)
    if version != "18.0":
        raise SuiteError(f"{src} holds Odoo {version}; this suite needs Odoo 18.0")
    if not (src / "setup.py").is_file() or not (src / "requirements.txt").is_file():
        raise SuiteError(
            f"{src} has no setup.py or requirements.txt: pass a complete Odoo 18.0 source tree"
        )
    return src


def source_of_python3():
    """The source tree of the Odoo that this python3 imports, when it is 18.0 from source."""
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import odoo, odoo.release as r; print(r.version); print(odoo.__file__)",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd="/",
    )
    if probe.returncode:
        return None
    version, init = probe.stdout.split("\n")[:2]
    src = Path(init).resolve().parent.parent
    if version.startswith("18.0") and (src / "setup.py").is_file():
        return src
    return None


def extract(tar, folder):
    """Unpack an archive, refusing members that would land outside the folder."""
    if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
        tar.extractall(folder, filter="data")
        return
    for member in tar.getmembers():
        if member.name.startswith("/") or ".." in Path(member.name).parts or member.islnk():
            raise tarfile.TarError(f"unsafe member {member.name}")
    tar.extractall(folder)  # noqa: S202  # members checked above


def download_source(url):
    """Odoo's official 18.0 source archive, downloaded and unpacked into the environment."""
    for found in sorted(DOWNLOADS.glob("*/odoo/release.py")):
        return found.parent.parent
    log(f"downloading Odoo 18.0 from {url}")
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=DOWNLOADS) as tmp:
        archive = Path(tmp) / "odoo.tar.gz"
        try:
            with urllib.request.urlopen(url, timeout=60) as response, archive.open("wb") as out:
                shutil.copyfileobj(response, out, length=1 << 20)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SuiteError(
                f"cannot download Odoo 18.0 from {url} ({reason}): pass your Odoo 18.0 source "
                "tree with --odoo-src DIR (the folder that contains odoo-bin)"
            ) from None
        log("unpacking the Odoo archive")
        try:
            with tarfile.open(archive) as tar:
                extract(tar, tmp)
        except (tarfile.TarError, OSError) as exc:
            raise SuiteError(f"{url} is not a readable .tar.gz archive ({exc})") from None
        archive.unlink()
        releases = list(Path(tmp).glob("*/odoo/release.py"))
        if len(releases) != 1:
            raise SuiteError(f"{url} does not hold one Odoo source tree")
        src = DOWNLOADS / releases[0].parent.parent.name
        releases[0].parent.parent.rename(src)
    return checked_source(src)


# --------------------------------------------------------------------------- the environment


def read_stamp():
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def write_stamp(stamp):
    STAMP.write_text(json.dumps(stamp, indent=2, sort_keys=True))


def digest(*files):
    sha = hashlib.sha256()
    for path in files:
        sha.update(Path(path).read_bytes())
    return sha.hexdigest()


def create_venv():
    if not PYTHON_VERSIONS[0] <= sys.version_info[:2] <= PYTHON_VERSIONS[1]:
        raise SuiteError(
            f"python3 is {sys.version.split()[0]}; Odoo 18.0 needs Python 3.10 to 3.13: "
            "run this script with one of those"
        )
    log(f"creating the virtual environment {VENV.name}/ (Python {sys.version.split()[0]})")
    created = subprocess.run(
        [sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True, check=False
    )
    if created.returncode:  # Debian ships ensurepip apart
        shutil.rmtree(VENV, ignore_errors=True)
        apt_install([f"python3.{sys.version_info[1]}-venv"])
        created = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
        if created.returncode:
            raise SuiteError(
                "python3 cannot create a virtual environment: install python3-venv "
                "(Debian/Ubuntu: apt-get install python3-venv)"
            )


def pip_install(*args, constraints=None):
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_ROOT_USER_ACTION="ignore")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
        file.write("\n".join(constraints or ()) + "\n")
    env["PIP_CONSTRAINT"] = file.name
    try:
        run([str(venv_python()), "-m", "pip", "install", "-q", *args], env=env)
    finally:
        os.unlink(file.name)


def install_odoo(src):
    apt_install([p for p in BUILD_PACKAGES if not debian_has(p)])
    log(f"installing Odoo 18.0 from {src} and its requirements (a few minutes the first time)")
    # Odoo 18 pins old sdists whose build breaks with setuptools >= 81.
    pip_install("-r", str(src / "requirements.txt"), constraints=["setuptools<81"])
    pip_install(
        "--no-deps",
        "--config-settings",
        "editable_mode=compat",
        "-e",
        str(src),
        constraints=["setuptools<81"],
    )


def ensure_venv(odoo_src=None, dev=False, archive_url=ODOO_ARCHIVE):
    """Build or refresh .venv; return its python. Installs only what changed."""
    if not venv_python().exists():
        create_venv()
    stamp = read_stamp()
    if odoo_src:
        src = checked_source(odoo_src)
    elif stamp.get("odoo_src") and Path(stamp["odoo_src"], "odoo", "release.py").is_file():
        src = Path(stamp["odoo_src"])
    else:
        src = source_of_python3() or download_source(archive_url)
    wanted = digest(src / "requirements.txt")
    if stamp.get("odoo_src") != str(src) or stamp.get("odoo_requirements") != wanted:
        install_odoo(src)
        stamp.update(odoo_src=str(src), odoo_requirements=wanted)
        write_stamp(stamp)
    for key, files in (
        ("runtime", [ROOT / "requirements.txt"]),
        ("dev", [ROOT / "requirements-dev.txt"]),
    ):
        if key == "dev" and not dev:
            continue
        wanted = digest(*files)
        if stamp.get(key) != wanted:
            label = "test and lint tools" if key == "dev" else "the suite's requirements"
            log(f"installing {label} into {VENV.name}/")
            pip_install(*[arg for f in files for arg in ("-r", str(f))])
            stamp[key] = wanted
            write_stamp(stamp)
    return venv_python()
