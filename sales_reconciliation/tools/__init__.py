from .amount_to_chinese import amount_to_chinese
from .bulk_insert import bulk_insert
