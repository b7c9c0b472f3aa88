# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = 'hr.employee'

    presensi_site_ids = fields.Many2many(
        'hr.presensi.site', 'hr_employee_presensi_site_rel', 'employee_id',
        'site_id', string='Allowed attendance sites')
    presensi_anywhere = fields.Boolean(
        'Check in anywhere',
        help='Field crews may check in outside any site; their position is '
             'still recorded.')
