# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from . import res_company
from . import resource_calendar
from . import hr_presensi_site
from . import hr_employee
from . import hr_presensi_duty
from . import hr_attendance
from . import hr_presensi_attempt
from . import hr_presensi_day
from . import hr_presensi_recap
from . import hr_presensi_demo
