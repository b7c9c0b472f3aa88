# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import geo


class HrPresensiSite(models.Model):
    _name = 'hr.presensi.site'
    _description = 'Attendance Site'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    latitude = fields.Float(required=True, digits=(10, 7))
    longitude = fields.Float(required=True, digits=(10, 7))
    radius = fields.Float('Radius (m)', required=True, default=100.0)
    require_photo = fields.Boolean(default=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        'res.company', required=True,
        default=lambda self: self.env.user.company_id)
    employee_ids = fields.Many2many(
        'hr.employee', 'hr_employee_presensi_site_rel', 'site_id',
        'employee_id', string='Employees')
    note = fields.Text()

    @api.constrains('latitude', 'longitude', 'radius')
    def _check_position(self):
        for site in self:
            if not geo.valid_coordinates(site.latitude, site.longitude):
                raise ValidationError(_(
                    'Latitude must lie between -90 and 90 and longitude '
                    'between -180 and 180.'))
            if site.radius <= 0:
                raise ValidationError(_('The radius must be positive.'))

    @api.multi
    def _presensi_dicts(self):
        return [{'id': s.id, 'name': s.name, 'latitude': s.latitude,
                 'longitude': s.longitude, 'radius': s.radius,
                 'require_photo': s.require_photo} for s in self]
