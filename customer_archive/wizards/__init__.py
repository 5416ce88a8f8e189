from . import customer_archive_handover
