from . import customer_archive_visit_coverage
from . import customer_archive_visit_weekly
