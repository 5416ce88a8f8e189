from . import customer_complaint
from . import sales_contract
