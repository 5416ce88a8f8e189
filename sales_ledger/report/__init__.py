from . import sales_contract_xlsx
from . import sales_ledger_period_xlsx
from . import sales_ledger_period_book
