from . import test_section
