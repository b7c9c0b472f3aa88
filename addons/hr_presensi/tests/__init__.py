# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from . import test_tools
from . import test_discipline
from . import test_security
from . import test_http
from . import test_concurrency
