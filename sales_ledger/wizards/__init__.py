from . import sales_contract_change_wizard
from . import sales_contract_terminate_wizard
from . import customer_archive_handover
from . import sales_ledger_anomaly_accept_wizard
