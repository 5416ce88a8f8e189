from .activity import schedule_activity_once
from .department import department_head
