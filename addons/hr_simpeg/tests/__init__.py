from . import test_tools
from . import test_employee
from . import test_bad_input
from . import test_reminders
from . import test_security
from . import test_security_http
from . import test_duk
from . import test_import
