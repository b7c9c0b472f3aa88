from . import kinerja_assessment_xlsx
from . import kinerja_plan_report
