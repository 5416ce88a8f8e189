from . import res_partner
from . import customer_archive
from . import customer_archive_communication
from . import customer_archive_visit_rule
from . import customer_archive_change_request
from . import customer_archive_access_request
from . import customer_archive_loan
from . import res_config_settings
