from . import customer_satisfaction_survey
from . import stock_picking
