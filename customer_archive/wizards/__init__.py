from . import customer_archive_handover
from . import comment_wizard
