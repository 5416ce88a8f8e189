from . import sales_ledger_period_xlsx
