from . import resource_public_holiday_import
