from . import test_stock_columns
