# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResourceCalendar(models.Model):
    _inherit = 'resource.calendar'

    presensi_grace_minutes = fields.Integer(
        'Grace minutes', default=15,
        help='Check-ins up to this many minutes after the start of the '
             'schedule are not late.')

    @api.constrains('presensi_grace_minutes')
    def _check_presensi_grace_minutes(self):
        if any(c.presensi_grace_minutes < 0 for c in self):
            raise ValidationError(_('Grace minutes cannot be negative.'))

    @api.multi
    def _presensi_intervals(self, day):
        """[(hour_from, hour_to)] of the schedule on a date."""
        self.ensure_one()
        weekday = str(day.weekday())
        day_str = fields.Date.to_string(day)
        return [(a.hour_from, a.hour_to) for a in self.attendance_ids
                if a.dayofweek == weekday
                and not (a.date_from and a.date_from > day_str)
                and not (a.date_to and a.date_to < day_str)]
