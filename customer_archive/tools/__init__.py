from .access import may_create
from .activity import schedule_activities_in_bulk, schedule_activity_once
from .bulk_insert import bulk_insert
from .department import department_head
from .wkhtmltopdf import wkhtmltopdf_is_reduced
