# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models

from ..tools import schedule


class HrAttendance(models.Model):
    _inherit = 'hr.attendance'

    presensi_site_id = fields.Many2one('hr.presensi.site', 'Site',
                                       readonly=True)
    check_in_latitude = fields.Float(digits=(10, 7), readonly=True)
    check_in_longitude = fields.Float(digits=(10, 7), readonly=True)
    check_in_accuracy = fields.Float('Check-in accuracy (m)', readonly=True)
    check_in_photo_id = fields.Many2one('ir.attachment', readonly=True)
    check_out_latitude = fields.Float(digits=(10, 7), readonly=True)
    check_out_longitude = fields.Float(digits=(10, 7), readonly=True)
    check_out_accuracy = fields.Float('Check-out accuracy (m)',
                                      readonly=True)
    check_out_photo_id = fields.Many2one('ir.attachment', readonly=True)
    presensi_duty_id = fields.Many2one('hr.presensi.duty', 'Official duty',
                                       readonly=True)
    presensi_date = fields.Date(
        'Day', compute='_compute_presensi_metrics', store=True, index=True)
    late_minutes = fields.Integer(
        compute='_compute_presensi_metrics', store=True)
    early_leave_minutes = fields.Integer(
        compute='_compute_presensi_metrics', store=True)
    overtime_hours = fields.Float(
        compute='_compute_presensi_metrics', store=True)
    auto_closed = fields.Boolean(
        readonly=True, help='The check-out was set automatically because it '
                            'was forgotten.')
    presensi_suspicious = fields.Boolean('Suspicious', readonly=True)
    presensi_flags = fields.Char('Suspicion flags', readonly=True)

    @api.model
    def _presensi_tz(self, company=None):
        company = company or self.env.user.company_id
        return pytz.timezone(company.presensi_tz or 'Asia/Jakarta')

    @api.model
    def _presensi_local(self, value, tz):
        """Naive local datetime of a UTC datetime string."""
        utc = pytz.utc.localize(fields.Datetime.from_string(value))
        return utc.astimezone(tz).replace(tzinfo=None)

    @api.multi
    @api.depends('check_in', 'check_out', 'employee_id')
    def _compute_presensi_metrics(self):
        for att in self:
            if not att.check_in or not att.employee_id:
                continue
            employee = att.employee_id.sudo()
            tz = self._presensi_tz(employee.company_id)
            local_in = self._presensi_local(att.check_in, tz)
            local_out = att.check_out and self._presensi_local(
                att.check_out, tz)
            day = local_in.date()
            calendar = employee.resource_calendar_id
            intervals = calendar._presensi_intervals(day) if calendar else []
            start_utc = tz.localize(datetime.combine(day, time.min)) \
                .astimezone(pytz.utc).replace(tzinfo=None)
            earlier = self.sudo().search_count([
                ('employee_id', '=', employee.id),
                ('check_in', '>=', fields.Datetime.to_string(start_utc)),
                ('check_in', '<', att.check_in),
                ('id', '!=', att.id or 0)]) if att.id else 0
            metrics = schedule.attendance_metrics(
                local_in, local_out, intervals,
                calendar.presensi_grace_minutes if calendar else 0,
                first_of_day=not earlier)
            att.presensi_date = fields.Date.to_string(day)
            att.late_minutes = metrics['late_minutes']
            att.early_leave_minutes = metrics['early_leave_minutes']
            att.overtime_hours = metrics['overtime_hours']

    @api.model
    def create(self, vals):
        attendance = super(HrAttendance, self).create(vals)
        attendance._presensi_refresh_days()
        return attendance

    @api.multi
    def write(self, vals):
        res = super(HrAttendance, self).write(vals)
        if {'check_in', 'check_out', 'employee_id'} & set(vals):
            self._presensi_refresh_days()
        return res

    @api.multi
    def _presensi_refresh_days(self):
        """Recompute the day status of the employee-days touched."""
        if self.env.context.get('presensi_no_refresh'):
            return
        days = self.env['hr.presensi.day'].sudo()
        for att in self:
            if att.presensi_date:
                days.compute_days(att.presensi_date, att.presensi_date,
                                  att.employee_id.ids)

    @api.multi
    def autoclose_attendance(self, reason):
        res = super(HrAttendance, self).autoclose_attendance(reason)
        self.write({'auto_closed': True})
        return res
