from . import test_sales_contract
from . import test_quotation_approval
from . import test_settlement
from . import test_sales_ledger
from . import test_access
from . import test_reports
from . import test_tour
from . import test_workflow_guard
