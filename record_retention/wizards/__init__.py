from . import comment_wizard
from . import archive_legal_hold_release
from . import archive_retention_preview
from . import archive_retention_preview_line
