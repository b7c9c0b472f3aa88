# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class HrEmployee(models.Model):
    _inherit = 'hr.employee'

    @api.multi
    def _kinerja_team(self):
        """These employees and everyone below them in the manager
        hierarchy (``child_of`` on the manager, which on hr.employee
        includes the employees themselves: callers refuse reviewing
        one's own records first). Read as the system: a supervisor may
        not be allowed to read every employee of their team. No
        employees, no team."""
        if not self:
            return self.browse()
        return self.sudo().search([('parent_id', 'child_of', self.ids)])
