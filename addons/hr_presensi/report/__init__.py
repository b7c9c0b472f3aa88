# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from . import recap_xlsx
