from . import kinerja_scheme
from . import kinerja_plan
from . import kinerja_activity
from . import kinerja_assessment
from . import kinerja_dashboard
from . import hr_employee
