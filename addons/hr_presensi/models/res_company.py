# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = 'res.company'

    presensi_max_accuracy = fields.Float(
        'Attendance GPS accuracy limit (m)', default=100.0,
        help='Check-ins whose reported GPS accuracy is worse than this are '
             'refused.')
    presensi_double_tap_seconds = fields.Integer(
        'Attendance double-tap window (s)', default=10,
        help='A second submit within this many seconds of an accepted one '
             'creates nothing.')
    presensi_max_speed_kmh = fields.Float(
        'Suspicious travel speed (km/h)', default=150.0)
    presensi_photo_max_kb = fields.Integer(
        'Attendance photo size limit (KB)', default=3072)
    presensi_photo_outside = fields.Boolean(
        'Photo required outside a site', default=True,
        help='A photo is required for check-ins outside any site (field '
             'crews, official duty).')
    presensi_tz = fields.Selection(
        '_tz_get', 'Attendance time zone', default='Asia/Jakarta',
        help='Time zone of the work schedules, used to find the day of an '
             'attendance and its lateness.')

    @api.model
    def _tz_get(self):
        return self.env['res.partner']._fields['tz'].selection(
            self.env['res.partner'])

    @api.constrains('presensi_max_accuracy', 'presensi_double_tap_seconds',
                    'presensi_max_speed_kmh', 'presensi_photo_max_kb')
    def _check_presensi_limits(self):
        for company in self:
            if (company.presensi_max_accuracy <= 0
                    or company.presensi_max_speed_kmh <= 0
                    or company.presensi_photo_max_kb <= 0
                    or company.presensi_double_tap_seconds < 0):
                raise ValidationError(_(
                    'Attendance limits must be positive numbers.'))
