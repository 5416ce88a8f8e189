from . import test_working_days
from . import test_complaint_workflow
from . import test_complaint_access
from . import test_complaint_report
from . import test_portal
from . import test_workflow_guard
from . import test_retention_policy
