"""Set-up shared by the benchmarks: the bench database opened as the
superuser, and rows written with SQL, so that only the code under
measurement runs through the ORM."""
import contextlib
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, '.run', 'odoo.conf')


@contextlib.contextmanager
def bench_env(db, addons, context=None, commit=False):
    """Yield a superuser environment (with `context`) on a new cursor of
    database `db`, which scripts/db.sh creates with `addons` and their demo
    data when it does not exist. The transaction is rolled back when the
    block ends, or committed with `commit=True`."""
    subprocess.check_call(['bash', os.path.join(ROOT, 'scripts', 'db.sh'),
                           db] + list(addons))
    import odoo
    odoo.tools.config.parse_config(['-c', CONF, '-d', db])
    registry = odoo.registry(db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))
        if not commit:
            cr.rollback()


def insert_employees(env, count, calendar_id, departments=10,
                     employee_columns=None):
    """Insert `departments` departments and `count` employees, with their
    resources on the working hours `calendar_id`, spread over the departments
    in turn. `employee_columns` maps further hr_employee columns to SQL
    expressions of `i`, the employee's position (1 to `count`). Returns
    (department ids, employee ids)."""
    cr = env.cr
    company = env.ref('base.main_company').id
    uid = env.uid
    cr.execute("""
        INSERT INTO hr_department (name, company_id, active, create_uid,
                                   write_uid, create_date, write_date)
        SELECT 'Bench unit ' || g, %s, true, %s, %s, now(), now()
          FROM generate_series(1, %s) g RETURNING id""",
               (company, uid, uid, departments))
    department_ids = [r[0] for r in cr.fetchall()]
    cr.execute("""
        INSERT INTO resource_resource (name, active, company_id,
                   resource_type, time_efficiency, calendar_id,
                   create_uid, write_uid, create_date, write_date)
        SELECT 'Bench employee ' || g, true, %s, 'user', 100, %s,
               %s, %s, now(), now()
          FROM generate_series(1, %s) g RETURNING id, name""",
               (company, calendar_id, uid, uid, count))
    resources = cr.fetchall()
    extra = sorted((employee_columns or {}).items())
    cr.execute("""
        INSERT INTO hr_employee (resource_id, name, company_id, department_id,
                   active, create_uid, write_uid, create_date,
                   write_date{columns})
        SELECT r, n, %s, (%s::int[])[1 + (i %% %s)], true, %s, %s,
               now(), now(){values}
          FROM unnest(%s::int[], %s::varchar[]) WITH ORDINALITY AS u(r, n, i)
        RETURNING id""".format(
            columns=''.join(', ' + column for column, _expr in extra),
            values=''.join(', ' + expr.replace('%', '%%')
                           for _column, expr in extra)),
               (company, department_ids, len(department_ids), uid, uid,
                [r[0] for r in resources], [r[1] for r in resources]))
    return department_ids, [r[0] for r in cr.fetchall()]
