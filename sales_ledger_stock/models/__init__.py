from . import sales_ledger_line
from . import sales_ledger_period
