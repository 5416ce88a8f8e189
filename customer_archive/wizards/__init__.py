from . import customer_archive_handover
from . import comment_wizard
from . import base_partner_merge
