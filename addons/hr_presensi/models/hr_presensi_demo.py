# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import random
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models

FIRST_NAMES = ['Teuku', 'Cut', 'Muhammad', 'Nurul', 'Zulfikar', 'Rahmah',
               'Fadli', 'Intan', 'Rizki', 'Maulida', 'Khairul', 'Siti',
               'Iskandar', 'Rina', 'Hendra']
LAST_NAMES = ['Abdullah', 'Husein', 'Ismail', 'Yusuf', 'Hasan', 'Ibrahim',
              'Mahmud', 'Ridwan', 'Syahputra', 'Wati']


class HrPresensiDemo(models.AbstractModel):
    _name = 'hr.presensi.demo'
    _description = 'E-Presensi demo data'

    @api.model
    def populate(self, employees=30, seed=42):
        """Demo: employees spread over two sites, and last month's
        attendances with lateness, early leaves, leave and absences."""
        rng = random.Random(seed)
        env = self.env
        head = env.ref('hr_presensi.hr_presensi_site_head_office_demo')
        plant = env.ref('hr_presensi.hr_presensi_site_treatment_plant_demo')
        departments = [env.ref('hr_presensi.hr_department_admin_demo'),
                       env.ref('hr_presensi.hr_department_distribution_demo'),
                       env.ref('hr_presensi.hr_department_production_demo')]
        chief = env.ref('hr_presensi.hr_employee_supervisor_demo')
        staff = env.ref('hr_presensi.hr_employee_staff_demo')
        team = staff | chief
        for i in range(employees - len(team)):
            department = departments[i % 3]
            team |= env['hr.employee'].create({
                'name': '%s %s' % (FIRST_NAMES[i % len(FIRST_NAMES)],
                                   LAST_NAMES[(i * 7) % len(LAST_NAMES)]),
                'department_id': department.id,
                'parent_id': chief.id if i % 3 == 0 else
                department.manager_id.id or chief.id,
                'presensi_site_ids': [(6, 0, [
                    plant.id if department == departments[2] else
                    head.id])],
                'presensi_anywhere': department == departments[1]
                and i % 2 == 0,
            })
        company = env.user.company_id
        tz = pytz.timezone(company.presensi_tz or 'Asia/Jakarta')
        first = (date.today().replace(day=1) - timedelta(days=1)).replace(
            day=1)
        last = date.today().replace(day=1) - timedelta(days=1)
        holiday = first + timedelta(days=(3 - first.weekday()) % 7 + 14)
        year = env['hr.holidays.public'].search(
            [('year', '=', holiday.year)], limit=1) or \
            env['hr.holidays.public'].create({
                'year': holiday.year, 'country_id': company.country_id.id})
        env['hr.holidays.public.line'].create({
            'year_id': year.id, 'date': fields.Date.to_string(holiday),
            'name': 'Hari Libur (demo)'})
        leave_type = env.ref('hr_presensi.hr_holidays_status_demo')
        attendances = env['hr.attendance'].with_context(
            presensi_no_refresh=True)

        def utc(day, hours):
            local = datetime.combine(day, time()) + timedelta(hours=hours)
            return fields.Datetime.to_string(
                tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None))

        for n, employee in enumerate(team):
            site = employee.presensi_site_ids[:1] or head
            leave_day = first + timedelta(days=7 + n % 10)
            if n % 6 == 1 and leave_day.weekday() < 5:
                env['hr.holidays'].create({
                    'name': 'Cuti (demo)', 'employee_id': employee.id,
                    'holiday_status_id': leave_type.id, 'type': 'remove',
                    'date_from': utc(leave_day, 0),
                    'date_to': utc(leave_day, 23.5),
                    'number_of_days_temp': 1,
                }).sudo().write({'state': 'validate'})
            day = first
            while day <= last:
                skip = (day.weekday() >= 5 or day == holiday
                        or (n % 6 == 1 and day == leave_day)
                        or rng.random() < 0.04)
                if not skip:
                    start = 7.5 + rng.random() * 0.7
                    if rng.random() < 0.15:
                        start = 8.3 + rng.random() * 1.2
                    end = 17 + rng.random() * 0.8
                    if rng.random() < 0.08:
                        end = 15 + rng.random() * 1.5
                    attendances.create({
                        'employee_id': employee.id,
                        'check_in': utc(day, start),
                        'check_out': utc(day, end),
                        'presensi_site_id': site.id,
                        'check_in_latitude': site.latitude,
                        'check_in_longitude': site.longitude,
                        'check_in_accuracy': 10 + rng.random() * 30,
                    })
                day += timedelta(days=1)
        env['hr.presensi.day'].compute_days(first, last)
        return True
