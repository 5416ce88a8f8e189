from . import test_customer_lifecycle
from . import test_suite_security
from . import test_translations
from . import test_wheels
from . import test_handover
from . import test_role_menus
from . import test_partner_merge
from . import test_access_matrix
