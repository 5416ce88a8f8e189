from . import test_reconciliation_dashboard
