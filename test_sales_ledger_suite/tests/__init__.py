from . import test_wheels
