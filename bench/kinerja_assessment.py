"""Monthly E-Kinerja assessments for 1,000 employees, timed.

Uses database $DB (default kinerja_bench), created with hr_kinerja and its
demo data through scripts/db.sh when it does not exist. Inside one
transaction that is rolled back at the end (the database stays as it was):
1,000 employees, each with an approved plan of five targets and 20 approved
daily reports in March 2025, plus an attendance day per report; then the
month-end job creates and scores the 1,000 assessments (cold), a supervisor's
recompute of all of them runs (warm), and the yearly roll-up and quota check
are read. The setup rows are written with SQL so that only the assessment
itself is measured through the addon's code.
Run from the repository root: .venv/bin/python bench/kinerja_assessment.py
"""
import os
import time

import benchlib

DB = os.environ.get('DB', 'kinerja_bench')
EMPLOYEES = int(os.environ.get('EMPLOYEES', 1000))
ACTIVITIES = 20
TARGETS = 5


def setup(env):
    cr = env.cr
    company = env.ref('base.main_company').id
    uid = env.uid
    cr.execute("SELECT id FROM resource_calendar ORDER BY id LIMIT 1")
    _departments, employees = benchlib.insert_employees(
        env, EMPLOYEES, cr.fetchone()[0])
    cr.execute("""
        INSERT INTO kinerja_plan (name, employee_id, year, company_id, state,
                   department_id, total_weight, create_uid, write_uid,
                   create_date, write_date)
        SELECT 'SKP 2025 bench', e.id, 2025, %s, 'approved',
               e.department_id, 100, %s, %s, now(), now()
          FROM hr_employee e WHERE e.id = ANY(%s) RETURNING id""",
               (company, uid, uid, employees))
    cr.execute("""
        INSERT INTO kinerja_target (plan_id, employee_id, year, sequence,
                   name, indicator, quantity, uom, quality_target,
                   time_target, weight, create_uid, write_uid, create_date,
                   write_date)
        SELECT p.id, p.employee_id, 2025, t, 'Result ' || t, 'Indicator',
               12 * t, 'dokumen', 100, 12, 20, %s, %s, now(), now()
          FROM kinerja_plan p CROSS JOIN generate_series(1, %s) t
         WHERE p.employee_id = ANY(%s)""", (uid, uid, TARGETS, employees))
    cr.execute("""
        INSERT INTO kinerja_activity (name, date, employee_id, target_id,
                   plan_id, quantity, duration, state, company_id,
                   department_id, create_uid, write_uid, create_date,
                   write_date)
        SELECT 'Bench work', date '2025-03-03' + (a %% 20 + (a %% 20) / 5 * 2),
               t.employee_id, t.id, t.plan_id, 1 + a %% 3, 2, 'approved', %s,
               e.department_id, %s, %s, now(), now()
          FROM kinerja_target t
          JOIN hr_employee e ON e.id = t.employee_id
          CROSS JOIN generate_series(0, %s - 1) a
         WHERE t.employee_id = ANY(%s) AND t.sequence = 1 + a %% %s""",
               (company, uid, uid, ACTIVITIES, employees, TARGETS))
    cr.execute("""
        INSERT INTO hr_presensi_day (employee_id, date, status,
                   late_minutes, early_leave_minutes, attendance_count,
                   worked_hours, create_uid, write_uid, create_date,
                   write_date)
        SELECT DISTINCT ON (a.employee_id, a.date) a.employee_id, a.date,
               CASE WHEN a.employee_id %% 7 = 0 AND extract(day FROM a.date) < 8
                    THEN 'late' ELSE 'present' END,
               CASE WHEN a.employee_id %% 7 = 0 AND extract(day FROM a.date) < 8
                    THEN 20 ELSE 0 END, 0, 2, 8, %s, %s, now(), now()
          FROM kinerja_activity a WHERE a.employee_id = ANY(%s)""",
               (uid, uid, employees))
    env.cache.invalidate()
    return employees


def main():
    with benchlib.bench_env(DB, ['hr_kinerja']) as env:
        cr = env.cr
        t0 = time.time()
        employees = setup(env)
        t_setup = time.time() - t0
        cr.execute("SELECT count(*) FROM kinerja_activity "
                   "WHERE employee_id = ANY(%s)", (employees,))
        n_activities = cr.fetchone()[0]
        Assessment = env['kinerja.assessment']
        t0 = time.time()
        assessments = Assessment.cron_monthly_assessments('2025-03-31')
        t_cold = time.time() - t0
        bench = assessments.filtered(lambda a: a.employee_id.id in set(employees))
        t0 = time.time()
        bench._insert_lines()
        bench._kinerja_compute()
        t_warm = time.time() - t0
        t0 = time.time()
        quota = bench._kinerja_quota_problems()
        t_quota = time.time() - t0
        t0 = time.time()
        rollup = env['kinerja.assessment.year'].read_group(
            [('year', '=', 2025)], ['department_id', 'final_score'],
            ['department_id'])
        t_rollup = time.time() - t0
        cr.execute("""SELECT round(avg(final_score)::numeric, 2),
                             round(avg(discipline_score)::numeric, 2),
                             count(*) FROM kinerja_assessment
                       WHERE employee_id = ANY(%s)""", (employees,))
        avg_final, avg_disc, count = cr.fetchone()
        cr.execute("SELECT count(*) FROM kinerja_assessment_line l JOIN "
                   "kinerja_assessment a ON a.id = l.assessment_id "
                   "WHERE a.employee_id = ANY(%s)", (employees,))
        lines = cr.fetchone()[0]
    print('employees: %d, approved daily reports: %d' % (
        len(employees), n_activities))
    print('setup (SQL inserts): %.2f s' % t_setup)
    print('month-end job, create + score %d assessments (%d work lines, '
          '7 behaviour lines each): %.2f s' % (count, lines, t_cold))
    print('recompute all of them: %.2f s' % t_warm)
    print('quota check over all of them: %.3f s (%d warned)' % (
        t_quota, len(quota)))
    print('yearly roll-up by department (%d groups): %.3f s' % (
        len(rollup), t_rollup))
    print('average final score %s, average discipline %s' % (
        avg_final, avg_disc))


if __name__ == '__main__':
    main()
