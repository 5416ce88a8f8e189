from . import test_record_retention
