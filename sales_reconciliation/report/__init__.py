from . import sales_statement_kpi
from . import report_ar_aging
from . import report_ar_aging_xlsx
from . import report_unpaid_summary
from . import sales_collection_rate
from . import sales_ar_aging_item
