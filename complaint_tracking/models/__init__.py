from . import resource_calendar
from . import resource_calendar_leaves
from . import resource_calendar_workday
from . import customer_complaint_category
from . import customer_complaint
from . import customer_complaint_repair
from . import customer_complaint_visit
from . import customer_archive_communication
