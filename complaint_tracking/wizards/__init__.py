from . import customer_archive_handover
from . import customer_complaint_escalate_wizard
from . import customer_complaint_confirmation_wizard
