from . import test_survey_after_delivery
