from .access import may_create
from .activity import schedule_activity_once
from .department import department_head
from .wkhtmltopdf import wkhtmltopdf_is_reduced
