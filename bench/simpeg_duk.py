"""Seniority list (DUK) of hr_simpeg for 5,000 employees, timed.

Uses database $DB (default simpeg_bench), created with hr_simpeg and its demo
data through scripts/db.sh when it does not exist. Inside one transaction
that is rolled back at the end (the database stays as it was): 5,000
employees written with SQL, each with three rank decrees, two positions, two
education lines and a salary increase; the addon's stored fields (current
grade, position, education, next dates) are then filled with SQL (or through
the addon's compute methods with ORM_RECOMPUTE=1, which takes minutes), and
the DUK is read the way the web client reads it (first page, then
search_read of every line in DUK order), grouped for the pivot, and exported
to XLSX.
Run from the repository root: .venv/bin/python bench/simpeg_duk.py
"""
import os
import time

import benchlib

DB = os.environ.get('DB', 'simpeg_bench')
EMPLOYEES = int(os.environ.get('EMPLOYEES', 5000))
# ORM_RECOMPUTE=1: compute the stored fields through the addon's code
# (minutes for 5,000 employees) instead of SQL.
ORM_RECOMPUTE = os.environ.get('ORM_RECOMPUTE') == '1'
# The SIMPEG columns of the bench employees, SQL of their position i.
EMPLOYEE_COLUMNS = {
    'nipp': "'B' || lpad(i::text, 6, '0')",
    'employment_status': "(ARRAY['permanent','permanent','permanent',"
                         "'contract','honorary'])[1 + (i % 5)]",
    'birthday': "date '1966-01-01' + (i * 37 % 10950)::int",
    'join_date': "date '1986-01-01' + (i * 37 % 10950)::int"
                 " + (i * 53 % 9000)::int",
    'retirement_age': '56',
}


def setup(env):
    cr = env.cr
    company = env.ref('base.main_company').id
    uid = env.uid
    cr.execute("""
        INSERT INTO hr_job (name, department_id, company_id, position_level,
                            state, no_of_recruitment, create_uid, write_uid,
                            create_date, write_date)
        SELECT 'Bench position ' || g, NULL, %s, g %% 8, 'open', 0,
               %s, %s, now(), now()
          FROM generate_series(1, 40) g RETURNING id""", (company, uid, uid))
    jobs = [r[0] for r in cr.fetchall()]
    cr.execute("SELECT id FROM resource_calendar ORDER BY id LIMIT 1")
    _departments, employees = benchlib.insert_employees(
        env, EMPLOYEES, cr.fetchone()[0], departments=20,
        employee_columns=EMPLOYEE_COLUMNS)
    cr.execute("SELECT id FROM hr_simpeg_grade ORDER BY sequence")
    grades = [r[0] for r in cr.fetchall()]
    cr.execute("""
        INSERT INTO hr_simpeg_rank_history (employee_id, grade_id, kind,
                   decree_number, decree_date, date_effective, create_uid,
                   write_uid, create_date, write_date)
        SELECT e.id, (%s::int[])[1 + ((e.id + n * 2) %% 12)],
               'regular', 'SK/' || e.id || '/' || n,
               e.join_date + n * 1461 - 20, e.join_date + n * 1461,
               %s, %s, now(), now()
          FROM hr_employee e, generate_series(0, 2) n
         WHERE e.id = ANY(%s)""", (grades, uid, uid, employees))
    cr.execute("""
        INSERT INTO hr_simpeg_position_history (employee_id, job_id,
                   department_id, decree_number, date_start, date_end,
                   create_uid, write_uid, create_date, write_date)
        SELECT e.id, (%s::int[])[1 + ((e.id + n) %% 40)], e.department_id,
               'SKJ/' || e.id || '/' || n, e.join_date + n * 2000,
               CASE WHEN n = 0 THEN e.join_date + 1999 END,
               %s, %s, now(), now()
          FROM hr_employee e, generate_series(0, 1) n
         WHERE e.id = ANY(%s)""", (jobs, uid, uid, employees))
    cr.execute("""
        INSERT INTO hr_simpeg_education (employee_id, level, institution,
                   year, create_uid, write_uid, create_date, write_date)
        SELECT e.id, CASE WHEN n = 0 THEN 'sma'
                          ELSE (ARRAY['d3','s1','s1','s2'])[1 + (e.id %% 4)]
                     END,
               'Bench school', 1990 + n * 4, %s, %s, now(), now()
          FROM hr_employee e, generate_series(0, 1) n
         WHERE e.id = ANY(%s)""", (uid, uid, employees))
    cr.execute("""
        INSERT INTO hr_simpeg_salary_increase (employee_id, decree_number,
                   date_effective, create_uid, write_uid, create_date,
                   write_date)
        SELECT e.id, 'KGB/' || e.id, e.join_date + 3000, %s, %s, now(), now()
          FROM hr_employee e WHERE e.id = ANY(%s)""", (uid, uid, employees))
    env['hr.employee'].invalidate_cache()
    return employees


def fill_with_sql(env, employees):
    """The stored fields the ORM would compute, written with SQL (the
    default: the ORM recompute of 5,000 employees takes minutes)."""
    cr = env.cr
    cr.execute("""
        UPDATE hr_employee e SET grade_id = r.grade_id,
               grade_date = r.date_effective
          FROM (SELECT DISTINCT ON (employee_id) employee_id, grade_id,
                       date_effective
                  FROM hr_simpeg_rank_history
                 ORDER BY employee_id, date_effective DESC, id DESC) r
         WHERE r.employee_id = e.id AND e.id = ANY(%s)""", (employees,))
    cr.execute("""
        UPDATE hr_employee e SET current_position_id = p.id,
               current_job_id = p.job_id,
               current_department_id = p.department_id
          FROM (SELECT DISTINCT ON (employee_id) id, employee_id, job_id,
                       department_id
                  FROM hr_simpeg_position_history
                 ORDER BY employee_id, (date_end IS NULL) DESC,
                          date_start DESC, id DESC) p
         WHERE p.employee_id = e.id AND e.id = ANY(%s)""", (employees,))
    cr.execute("""
        UPDATE hr_employee e SET highest_education = x.level
          FROM (SELECT DISTINCT ON (employee_id) employee_id, level
                  FROM hr_simpeg_education
                 ORDER BY employee_id, array_position(ARRAY['sd','smp','sma',
                       'd1','d2','d3','d4','s1','s2','s3']::varchar[],
                       level) DESC) x
         WHERE x.employee_id = e.id AND e.id = ANY(%s)""", (employees,))
    cr.execute("""
        UPDATE hr_employee e SET last_kgb_date = k.last,
               next_kgb_date = k.last + interval '2 years',
               next_promotion_date = e.grade_date + interval '4 years',
               retirement_date = date_trunc('month', e.birthday
                                 + interval '56 years') + interval '1 month'
          FROM (SELECT employee_id, max(date_effective) AS last
                  FROM hr_simpeg_salary_increase GROUP BY employee_id) k
         WHERE k.employee_id = e.id AND e.id = ANY(%s)""", (employees,))


def recompute(env, employees):
    records = env['hr.employee'].browse(employees)
    for fname in ('grade_id', 'grade_date', 'current_position_id',
                  'current_job_id', 'current_department_id',
                  'highest_education', 'last_kgb_date', 'next_kgb_date',
                  'next_promotion_date', 'retirement_date',
                  'dependent_count'):
        env.add_todo(records._fields[fname], records)
    records.recompute()


def main():
    with benchlib.bench_env(DB, ['hr_simpeg']) as env:
        cr = env.cr
        t0 = time.time()
        employees = setup(env)
        t_setup = time.time() - t0
        t0 = time.time()
        if ORM_RECOMPUTE:
            recompute(env, employees)
        else:
            fill_with_sql(env, employees)
        env['hr.employee'].invalidate_cache()
        t_recompute = time.time() - t0
        Duk = env['hr.simpeg.duk']
        fields = ['duk_rank', 'nipp', 'name', 'grade_id', 'grade_date',
                  'job_id', 'position_level', 'department_id',
                  'service_years', 'highest_education', 'age',
                  'employment_status']
        timings = []
        for _run in range(3):
            env['hr.employee'].invalidate_cache()
            t0 = time.time()
            rows = Duk.search_read([], fields)
            timings.append(time.time() - t0)
        env['hr.employee'].invalidate_cache()
        t0 = time.time()
        page = Duk.search_read([], fields, limit=80)
        assert len(page) == 80
        t_page = time.time() - t0
        t0 = time.time()
        cr.execute("SELECT * FROM hr_simpeg_duk ORDER BY duk_rank")
        sql_rows = cr.fetchall()
        t_sql = time.time() - t0
        t0 = time.time()
        groups = Duk.read_group([], ['grade_id', 'employee_count'],
                                ['grade_id'])
        t_pivot = time.time() - t0
        env['hr.employee'].invalidate_cache()
        t0 = time.time()
        content, _kind = env['report.hr_simpeg.duk_xlsx'].with_context(
            active_model='hr.simpeg.duk').create_xlsx_report(
                Duk.search([]).ids, {})
        t_xlsx = time.time() - t0
        cr.execute("SELECT count(*) FROM hr_employee WHERE id = ANY(%s) "
                   "AND grade_id IS NOT NULL AND current_job_id IS NOT NULL",
                   (employees,))
        complete = cr.fetchone()[0]
    print('load average at the end: %.1f (2 cores)' % os.getloadavg()[0])
    print('employees: %d (with grade and position: %d), DUK lines: %d' % (
        len(employees), complete, len(rows)))
    print('setup with SQL: %.2f s; stored fields (%s): %.2f s' % (
        t_setup, 'ORM recompute' if ORM_RECOMPUTE else 'SQL', t_recompute))
    print('DUK first page as the web client reads it (80 lines): %.3f s'
          % t_page)
    print('DUK search_read of all %d lines (3 runs): %s s (aim: under 2 s)'
          % (len(rows), ', '.join('%.3f' % t for t in timings)))
    print('DUK SQL view alone: %.3f s (%d rows)' % (t_sql, len(sql_rows)))
    print('DUK pivot read_group by grade: %.3f s (%d groups)' % (
        t_pivot, len(groups)))
    print('DUK XLSX export of all lines: %.2f s (%d bytes)' % (
        t_xlsx, len(content)))


if __name__ == '__main__':
    main()
