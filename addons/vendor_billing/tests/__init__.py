from . import test_tools
from . import test_billing
from . import test_visits
from . import test_report
