from . import sales_statement_generate
from . import sales_ar_aging_wizard
from . import customer_archive_handover
from . import base_partner_merge
