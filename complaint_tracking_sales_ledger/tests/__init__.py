from . import test_complaint_contract
