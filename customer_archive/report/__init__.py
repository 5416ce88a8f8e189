from . import customer_archive_visit_coverage
