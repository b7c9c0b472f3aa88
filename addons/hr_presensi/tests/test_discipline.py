# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Lateness, day statuses, the monthly recap, its exports and autoclose."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase, at_install, post_install

from .common import make_fixtures


@at_install(False)
@post_install(True)
class TestDiscipline(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDiscipline, cls).setUpClass()
        cls.f = make_fixtures(cls.env)
        cls.staff = cls.f['e_staff']
        cls.Att = cls.env['hr.attendance']

    def attend(self, employee, check_in, check_out=None):
        """Times in Asia/Jakarta (UTC+7), stored in UTC."""
        def utc(value):
            return value and fields.Datetime.to_string(
                fields.Datetime.from_string(value) - timedelta(hours=7))
        return self.Att.create({'employee_id': employee.id,
                                'check_in': utc(check_in),
                                'check_out': utc(check_out)})

    def test_lateness_grace_early_leave_overtime(self):
        on_time = self.attend(self.staff, '2024-09-02 08:15:00',
                              '2024-09-02 17:30:00')
        self.assertEqual(on_time.presensi_date, '2024-09-02')
        self.assertEqual(on_time.late_minutes, 0)
        self.assertEqual(on_time.early_leave_minutes, 0)
        self.assertAlmostEqual(on_time.overtime_hours, 1.0)
        late = self.attend(self.staff, '2024-09-03 08:40:00',
                           '2024-09-03 12:00:00')
        self.assertEqual(late.late_minutes, 40)
        self.assertEqual(late.early_leave_minutes, 270)
        again = self.attend(self.staff, '2024-09-03 13:10:00',
                            '2024-09-03 16:30:00')
        self.assertEqual(again.late_minutes, 0)
        self.assertEqual(again.early_leave_minutes, 0)

    def test_day_statuses_and_recap(self):
        employee = self.staff
        self.attend(employee, '2024-09-02 08:05:00', '2024-09-02 16:30:00')
        self.attend(employee, '2024-09-03 08:40:00', '2024-09-03 16:30:00')
        self.attend(employee, '2024-09-10 08:00:00', '2024-09-10 15:00:00')
        # Public holidays apply by the company's country (other addons may
        # already hold a 2024 calendar for another country).
        country = employee.company_id.country_id.id or False
        Public = self.env['hr.holidays.public']
        year = Public.search([('year', '=', 2024),
                              ('country_id', '=', country)], limit=1) \
            or Public.create({'year': 2024, 'country_id': country})
        self.env['hr.holidays.public.line'].create({
            'year_id': year.id, 'date': '2024-09-04', 'name': 'Test day'})
        leave_type = self.env['hr.holidays.status'].create({
            'name': 'Test leave', 'limit': True})
        leave = self.env['hr.holidays'].create({
            'name': 'Leave', 'employee_id': employee.id, 'type': 'remove',
            'holiday_status_id': leave_type.id,
            'date_from': '2024-09-04 17:00:00',
            'date_to': '2024-09-05 10:00:00', 'number_of_days_temp': 1})
        leave.write({'state': 'validate'})
        duty = self.env['hr.presensi.duty'].create({
            'name': 'Survey', 'employee_id': employee.id,
            'date_from': '2024-09-09', 'date_to': '2024-09-09',
            'place': 'Sabang', 'reason': 'Pipe survey'})
        duty.action_confirm()
        duty.sudo(self.f['t_supervisor']).action_approve()
        Day = self.env['hr.presensi.day']
        Day.compute_days('2024-09-02', '2024-09-10', employee.ids,
                         today='2024-10-01')
        status = {d.date: d.status for d in Day.search(
            [('employee_id', '=', employee.id)])}
        self.assertEqual(status, {
            '2024-09-02': 'present', '2024-09-03': 'late',
            '2024-09-04': 'holiday', '2024-09-05': 'leave',
            '2024-09-06': 'absent', '2024-09-07': 'weekend',
            '2024-09-08': 'weekend', '2024-09-09': 'duty',
            '2024-09-10': 'present'})
        recap = self.env['hr.presensi.recap'].search(
            [('employee_id', '=', employee.id)])
        self.assertEqual(len(recap), 1)
        self.assertEqual(recap.month, '2024-09-01')
        self.assertEqual(recap.department_id, self.f['department'])
        self.assertEqual(
            (recap.working_days, recap.present_days, recap.late_count,
             recap.late_minutes, recap.early_leave_minutes,
             recap.absent_days, recap.leave_days, recap.duty_days,
             recap.holiday_days), (6, 3, 1, 40, 90, 1, 1, 1, 1))
        self.assertAlmostEqual(recap.attendance_rate, 66.67)
        # Department filter, as the pivot uses it.
        groups = self.env['hr.presensi.recap'].read_group(
            [('department_id', '=', self.f['department'].id)],
            ['department_id', 'late_minutes', 'absent_days'],
            ['department_id'])
        self.assertEqual(groups[0]['late_minutes'], 40)

        xlsx, fmt = self.env.ref(
            'hr_presensi.hr_presensi_recap_xlsx').render_xlsx(recap.ids, {})
        self.assertEqual(fmt, 'xlsx')
        self.assertTrue(xlsx.startswith(b'PK'))
        html = self.env.ref(
            'hr_presensi.hr_presensi_recap_pdf').render_qweb_html(
            recap.ids)[0]
        self.assertIn(b'Staff', html)
        self.assertIn(b'66.67', html)
        # A day that is not over yet is no absence.
        Day.compute_days('2024-09-02', '2024-09-10', employee.ids,
                         today='2024-09-06')
        self.assertFalse(Day.search([('employee_id', '=', employee.id),
                                     ('date', '=', '2024-09-06')]))

    def test_nightly_job_marks_absences(self):
        self.attend(self.staff, '2024-09-02 08:05:00', '2024-09-02 16:30:00')
        Day = self.env['hr.presensi.day']
        Day.cron_compute_days(date_ref='2024-09-04', days_back=3)
        days = Day.search([('employee_id', '=', self.staff.id),
                           ('date', '>=', '2024-09-01'),
                           ('date', '<=', '2024-09-04')])
        self.assertEqual({d.date: d.status for d in days}, {
            '2024-09-01': 'weekend', '2024-09-02': 'present',
            '2024-09-03': 'absent', '2024-09-04': 'absent'})
        self.assertEqual(days.filtered(
            lambda d: d.date == '2024-09-02').department_id,
            self.f['department'])

    def test_attendance_creates_todays_status(self):
        now = fields.Datetime.now()
        att = self.Att.create({'employee_id': self.f['e_colleague'].id,
                               'check_in': now})
        day = self.env['hr.presensi.day'].search(
            [('employee_id', '=', self.f['e_colleague'].id),
             ('date', '=', att.presensi_date)])
        self.assertEqual(len(day), 1)
        self.assertEqual(day.attendance_count, 1)

    def test_autoclose_forgotten_check_out(self):
        self.f['company'].attendance_maximum_hours_per_day = 11
        check_in = datetime.now() - timedelta(hours=20)
        att = self.Att.create({
            'employee_id': self.f['e_junior'].id,
            'check_in': fields.Datetime.to_string(check_in)})
        recent = self.Att.create({
            'employee_id': self.f['e_colleague'].id,
            'check_in': fields.Datetime.to_string(
                datetime.now() - timedelta(hours=2))})
        self.Att.check_for_incomplete_attendances()
        self.assertTrue(att.auto_closed)
        self.assertEqual(att.check_out, fields.Datetime.to_string(
            check_in.replace(microsecond=0) + timedelta(hours=11)))
        self.assertIn('S-CO', att.attendance_reason_ids.mapped('code'))
        self.assertFalse(recent.check_out)
        self.assertFalse(recent.auto_closed)

    def test_bad_configuration_refused(self):
        with self.assertRaises(ValidationError):
            self.env['hr.presensi.site'].create({
                'name': 'Nowhere', 'latitude': 95.0, 'longitude': 10.0})
        with self.assertRaises(ValidationError):
            self.f['office'].radius = 0
        with self.assertRaises(ValidationError):
            self.f['company'].presensi_max_accuracy = -5
        with self.assertRaises(ValidationError):
            self.f['calendar'].presensi_grace_minutes = -1
