from . import customer_archive_handover
from . import base_partner_merge
