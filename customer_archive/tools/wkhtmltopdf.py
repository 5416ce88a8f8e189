import functools
import subprocess

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def wkhtmltopdf_is_reduced():
    """Whether the installed wkhtmltopdf is the "reduced functionality" build (Qt unpatched,
    as Debian and Ubuntu ship it): one input document per run, no header, footer or outlines."""
    binary = _get_wkhtmltopdf_bin()
    if not binary:
        return False
    try:
        version = subprocess.run(
            [binary, "--version"], capture_output=True, check=False, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" not in version.lower()
