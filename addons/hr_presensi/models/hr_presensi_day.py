# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import timedelta

import pytz
from psycopg2.extras import execute_values

from odoo import api, fields, models

from ..tools import schedule

STATUS = [(schedule.PRESENT, 'Present'), (schedule.LATE, 'Late'),
          (schedule.ABSENT, 'Absent without notice'),
          (schedule.LEAVE, 'On leave'), (schedule.HOLIDAY, 'Public holiday'),
          (schedule.WEEKEND, 'Weekend'), (schedule.DUTY, 'Official duty')]

FACTS_QUERY = """
WITH days AS (
    SELECT d::date AS day FROM generate_series(%(date_from)s::date,
                                               %(date_to)s::date,
                                               interval '1 day') d
), emp AS (
    SELECT e.id, e.department_id, r.company_id, r.calendar_id,
           p.country_id
      FROM hr_employee e
      JOIN resource_resource r ON r.id = e.resource_id
      JOIN res_company c ON c.id = r.company_id
      LEFT JOIN res_partner p ON p.id = c.partner_id
     WHERE r.active AND (%(all)s OR e.id = ANY(%(employee_ids)s))
), att AS (
    SELECT a.employee_id, a.presensi_date AS day, count(*) AS n,
           sum(a.late_minutes) AS late, sum(a.early_leave_minutes) AS early,
           sum(coalesce(a.worked_hours, 0)) AS worked
      FROM hr_attendance a JOIN emp ON emp.id = a.employee_id
     WHERE a.presensi_date BETWEEN %(date_from)s AND %(date_to)s
     GROUP BY a.employee_id, a.presensi_date
)
SELECT emp.id, days.day, emp.department_id, emp.company_id,
       EXISTS (SELECT 1 FROM hr_holidays_public_line l
                 JOIN hr_holidays_public y ON y.id = l.year_id
                WHERE l.date = days.day
                  AND (y.country_id IS NULL
                       OR y.country_id = emp.country_id)) AS holiday,
       EXISTS (SELECT 1 FROM resource_calendar_attendance ca
                WHERE ca.calendar_id = emp.calendar_id
                  AND ca.dayofweek = (extract(isodow FROM days.day) - 1)
                                     ::int::text
                  AND (ca.date_from IS NULL OR ca.date_from <= days.day)
                  AND (ca.date_to IS NULL OR ca.date_to >= days.day))
           AS working,
       EXISTS (SELECT 1 FROM hr_holidays h
                WHERE h.employee_id = emp.id AND h.type = 'remove'
                  AND h.state = 'validate'
                  AND (h.date_from AT TIME ZONE 'UTC'
                       AT TIME ZONE %(tz)s)::date <= days.day
                  AND (h.date_to AT TIME ZONE 'UTC'
                       AT TIME ZONE %(tz)s)::date >= days.day) AS leave,
       EXISTS (SELECT 1 FROM hr_presensi_duty t
                WHERE t.employee_id = emp.id AND t.state = 'approved'
                  AND t.date_from <= days.day AND t.date_to >= days.day)
           AS duty,
       coalesce(att.n, 0), coalesce(att.late, 0), coalesce(att.early, 0),
       coalesce(att.worked, 0)
  FROM emp CROSS JOIN days
  LEFT JOIN att ON att.employee_id = emp.id AND att.day = days.day
"""


class HrPresensiDay(models.Model):
    _name = 'hr.presensi.day'
    _description = 'Attendance Day Status'
    _order = 'date desc, employee_id'
    _rec_name = 'date'

    employee_id = fields.Many2one('hr.employee', required=True, index=True,
                                  readonly=True, ondelete='cascade')
    department_id = fields.Many2one(related='employee_id.department_id',
                                    readonly=True)
    company_id = fields.Many2one(related='employee_id.company_id',
                                 readonly=True)
    date = fields.Date(required=True, index=True, readonly=True)
    status = fields.Selection(STATUS, required=True, index=True,
                              readonly=True)
    attendance_count = fields.Integer(readonly=True)
    late_minutes = fields.Integer(readonly=True)
    early_leave_minutes = fields.Integer(readonly=True)
    worked_hours = fields.Float(readonly=True)

    _sql_constraints = [
        ('employee_date_uniq', 'unique(employee_id, date)',
         'An employee has one status per day.'),
    ]

    @api.model
    def compute_days(self, date_from, date_to, employee_ids=None,
                     today=None):
        """(Re)compute the status of the employee-days between two dates
        (inclusive) from attendances, leaves, public holidays, official
        duties and working hours; one query gathers the facts, the rule
        itself is tools.schedule.day_status. Days after `today` (local)
        are skipped; a working day that is not over yet gets a status only
        once there is an attendance."""
        company = self.env.user.company_id
        tz_name = company.presensi_tz or 'Asia/Jakarta'
        if today is None:
            today = pytz.utc.localize(fields.Datetime.from_string(
                fields.Datetime.now())).astimezone(
                pytz.timezone(tz_name)).date()
        elif isinstance(today, str):
            today = fields.Date.from_string(today)
        date_from = fields.Date.from_string(date_from) \
            if isinstance(date_from, str) else date_from
        date_to = fields.Date.from_string(date_to) \
            if isinstance(date_to, str) else date_to
        date_to = min(date_to, today)
        if date_to < date_from:
            return 0
        cr = self.env.cr
        params = {'date_from': date_from, 'date_to': date_to, 'tz': tz_name,
                  'all': employee_ids is None,
                  'employee_ids': list(employee_ids or [])}
        # The query is cheap (indexed look-ups) but large enough for
        # PostgreSQL's JIT, whose compilation costs seconds here.
        cr.execute("SET LOCAL jit = off")
        cr.execute(FACTS_QUERY, params)
        facts = cr.fetchall()
        rows = []
        for (employee_id, day, department_id, company_id, holiday, working,
             leave, duty, count, late, early, worked) in facts:
            status = schedule.day_status(
                holiday, working, leave, duty, count > 0, late,
                day_over=str(day) < fields.Date.to_string(today))
            if status:
                rows.append((employee_id, day, status, count, late, early,
                             worked))
        delete = "DELETE FROM hr_presensi_day WHERE date BETWEEN %s AND %s"
        args = [date_from, date_to]
        if employee_ids is not None:
            delete += " AND employee_id = ANY(%s)"
            args.append(list(employee_ids))
        cr.execute(delete, args)
        if rows:
            execute_values(cr._obj, """
                INSERT INTO hr_presensi_day
                    (employee_id, date, status, attendance_count,
                     late_minutes, early_leave_minutes, worked_hours,
                     create_date, write_date)
                VALUES %s""", rows,
                template="(%s, %s, %s, %s, %s, %s, %s, "
                         "now() at time zone 'UTC', now() at time zone "
                         "'UTC')", page_size=2000)
        cr.execute("SET LOCAL jit TO DEFAULT")
        self.invalidate_cache()
        self.env['hr.presensi.recap'].invalidate_cache()
        return len(rows)

    @api.model
    def cron_compute_days(self, date_ref=None, days_back=7):
        """Nightly: statuses of the last `days_back` days up to date_ref
        (default: today), so that absences appear once a day is over."""
        date_ref = fields.Date.from_string(date_ref or fields.Date.today())
        return self.compute_days(date_ref - timedelta(days=days_back),
                                 date_ref)
