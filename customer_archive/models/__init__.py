from . import res_partner
from . import archive_retention_policy
from . import archive_legal_hold
from . import archive_destruction_request
from . import archive_destruction_request_line
from . import archive_destruction_log
