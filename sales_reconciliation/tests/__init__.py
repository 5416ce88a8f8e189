from . import test_amount_to_chinese
from . import test_statement_figures
from . import test_statement_workflow
from . import test_statement_portal
from . import test_credit_policy
from . import test_reports
from . import test_tour
from . import test_workflow_guard
