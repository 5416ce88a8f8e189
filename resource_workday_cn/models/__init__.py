from . import res_company
from . import resource_public_holiday
from . import resource_calendar
from . import resource_calendar_leaves
from . import resource_calendar_workday
