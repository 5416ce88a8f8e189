from . import sales_statement_generate
from . import sales_ar_aging_wizard
from . import customer_archive_handover
from . import sales_unpaid_summary_wizard
from . import base_partner_merge
from . import sales_statement_reply_wizard
from . import sales_statement_reply_wizard_line
from . import sales_statement_discrepancy_resolve
