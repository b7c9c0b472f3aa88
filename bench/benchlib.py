"""Set-up shared by the benchmarks: rows written with SQL, so that only the
code under measurement runs through the ORM."""


def insert_employees(env, count, calendar_id, departments=10):
    """Insert `departments` departments and `count` employees, with their
    resources on the working hours `calendar_id`, spread over the departments
    in turn. Returns (department ids, employee ids)."""
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
          FROM generate_series(1, %s) g RETURNING id""",
               (company, calendar_id, uid, uid, count))
    resources = [r[0] for r in cr.fetchall()]
    cr.execute("""
        INSERT INTO hr_employee (resource_id, department_id, active,
                   create_uid, write_uid, create_date, write_date)
        SELECT r, (%s::int[])[1 + (i %% %s)], true, %s, %s, now(), now()
          FROM unnest(%s::int[]) WITH ORDINALITY AS u(r, i)
        RETURNING id""", (department_ids, len(department_ids), uid, uid, resources))
    return department_ids, [r[0] for r in cr.fetchall()]
