# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Pure business rules of E-Presensi: no Odoo imports here."""
from . import geo
from . import schedule
from . import suspicion
from . import photo
