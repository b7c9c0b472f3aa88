"""Monthly attendance recap for 1,000 employees x 22 working days, timed:
hr_presensi (day statuses computed in one query + the SQL recap view)
against OCA hr_attendance_report_theoretical_time's report on the same data.

Uses database $DB (default presensi_bench), created with hr_presensi and
hr_attendance_report_theoretical_time through scripts/db.sh when it does not
exist. The rows are written with SQL inside one transaction that is rolled
back at the end. Run from the repository root:
    .venv/bin/python bench/presensi_recap.py
"""
import os
import time

import benchlib

DB = os.environ.get('DB', 'presensi_bench')
EMPLOYEES = int(os.environ.get('EMPLOYEES', 1000))
MONTH = ('2025-04-01', '2025-04-30')   # 22 working days (Mon-Fri)


def setup(env):
    cr = env.cr
    uid = env.uid
    calendar = env.ref('resource.resource_calendar_std').id
    _departments, employees = benchlib.insert_employees(
        env, EMPLOYEES, calendar)
    # One attendance per working day, 08:00-16:30 Asia/Jakarta (01:00 UTC),
    # every 7th one late by 20 minutes; one absence in 25 days.
    cr.execute("""
        INSERT INTO hr_attendance (employee_id, check_in, check_out,
                   worked_hours, theoretical_hours, presensi_date,
                   late_minutes, early_leave_minutes, overtime_hours,
                   create_uid, write_uid, create_date, write_date)
        SELECT e, d + interval '1 hour' + (CASE WHEN (e + n) %% 7 = 0
                   THEN interval '20 minutes' ELSE interval '0' END),
               d + interval '9 hours 30 minutes', 8.5, 8.0, d::date,
               CASE WHEN (e + n) %% 7 = 0 THEN 20 ELSE 0 END, 0, 0,
               %s, %s, now(), now()
          FROM unnest(%s::int[]) e,
               generate_series(%s::timestamp, %s::timestamp,
                               interval '1 day') WITH ORDINALITY AS g(d, n)
         WHERE extract(isodow FROM d) < 6 AND (e + n) %% 25 <> 0""",
               (uid, uid, employees, MONTH[0], MONTH[1]))
    return employees


def main():
    with benchlib.bench_env(DB, ['hr_presensi',
                                 'hr_attendance_report_theoretical_time']) as env:
        cr = env.cr
        t0 = time.time()
        employees = setup(env)
        t_setup = time.time() - t0
        cr.execute("SELECT count(*) FROM hr_attendance WHERE employee_id = "
                   "ANY(%s)", (employees,))
        n_att = cr.fetchone()[0]

        t0 = time.time()
        n_days = env['hr.presensi.day'].compute_days(
            MONTH[0], MONTH[1], employees, today='2025-05-01')
        t_days = time.time() - t0
        t0 = time.time()
        ours = env['hr.presensi.recap'].read_group(
            [('employee_id', 'in', employees), ('month', '=', MONTH[0])],
            ['employee_id', 'working_days', 'present_days', 'late_count',
             'late_minutes', 'absent_days', 'attendance_rate'],
            ['employee_id'], lazy=False)
        t_recap = time.time() - t0
        ours_total = t_days + t_recap

        t0 = time.time()
        oca = env['hr.attendance.theoretical.time.report'].read_group(
            [('employee_id', 'in', employees), ('date', '>=', MONTH[0]),
             ('date', '<=', MONTH[1])],
            ['employee_id', 'worked_hours', 'theoretical_hours',
             'difference'], ['employee_id'], lazy=False)
        t_oca = time.time() - t0
    print('employees: %d, attendances: %d (22 working days, April 2025)'
          % (len(employees), n_att))
    print('setup (SQL inserts): %.2f s' % t_setup)
    print('ours: day statuses for %d employee-days: %.3f s' % (n_days, t_days))
    print('ours: monthly recap read_group (%d rows): %.3f s'
          % (len(ours), t_recap))
    print('ours total: %.3f s' % ours_total)
    print('OCA hr_attendance_report_theoretical_time read_group (%d rows): '
          '%.3f s' % (len(oca), t_oca))
    print('ratio OCA / ours: %.1fx' % (t_oca / ours_total))


if __name__ == '__main__':
    main()
