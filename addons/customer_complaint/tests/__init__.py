from . import test_tools_sla
from . import test_tools_misc
from . import test_customer
from . import test_complaint
from . import test_sla
from . import test_assignment
from . import test_outage
