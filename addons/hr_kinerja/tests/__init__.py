from . import test_scoring
from . import test_plan
from . import test_activity
from . import test_assessment
from . import test_security
from . import test_reports
from . import test_http
from . import test_year_display
