from . import customer_archive_handover
from . import customer_archive_handover_line
from . import base_partner_merge
