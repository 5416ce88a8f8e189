from . import test_workflow_guard
