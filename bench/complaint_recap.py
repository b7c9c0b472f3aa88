"""Complaint recap queries over 100,000 tickets, each one timed.

Uses database $DB (default complaint_bench), created with customer_complaint
through scripts/db.sh when it does not exist. The tickets are written with
SQL inside one transaction that is rolled back at the end, so the database
stays as it was. Run from the repository root:
    .venv/bin/python bench/complaint_recap.py
Aim: each query under 0.5 s.
"""
import os
import time

import benchlib

DB = os.environ.get('DB', 'complaint_bench')
TICKETS = int(os.environ.get('TICKETS', 100000))
AIM = 0.5


def setup(env):
    cr = env.cr
    ids = lambda model: env[model].search([]).ids  # noqa: E731
    categories, zones = ids('helpdesk.ticket.category'), ids('complaint.zone')
    channels, teams = ids('helpdesk.ticket.channel'), ids('helpdesk.ticket.team')
    stages = env['helpdesk.ticket.stage'].search([])
    open_stages = stages.filtered(lambda s: not s.closed).ids
    done = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done').id
    users = env['res.users'].search([('share', '=', False)]).ids
    partners = env['res.partner'].search([('is_water_customer', '=', True)]).ids
    company = env.ref('base.main_company').id
    # Two years of complaints; 85 % closed, 10 % of the closed ones late.
    cr.execute("""
        INSERT INTO helpdesk_ticket (number, name, partner_id, category_id,
               zone_id, channel_id, team_id, user_id, stage_id, priority,
               company_id, complaint_date, sla_deadline, sla_status,
               first_response_date, closed_date, last_stage_update,
               create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH' || g, 'Bench complaint ' || g,
               (%(partners)s::int[])[1 + g %% array_length(%(partners)s::int[], 1)],
               (%(categories)s::int[])[1 + g %% array_length(%(categories)s::int[], 1)],
               (%(zones)s::int[])[1 + (g / 7) %% array_length(%(zones)s::int[], 1)],
               (%(channels)s::int[])[1 + (g / 3) %% array_length(%(channels)s::int[], 1)],
               (%(teams)s::int[])[1 + (g / 5) %% array_length(%(teams)s::int[], 1)],
               (%(users)s::int[])[1 + g %% array_length(%(users)s::int[], 1)],
               CASE WHEN g %% 20 < 17 THEN %(done)s
                    ELSE (%(open)s::int[])[1 + g %% array_length(%(open)s::int[], 1)] END,
               (g %% 4)::varchar, %(company)s, d, d + interval '24 hours',
               CASE WHEN g %% 10 = 0 THEN 'breached' ELSE 'on_time' END,
               d + interval '2 hours',
               CASE WHEN g %% 20 < 17 THEN
                    d + (CASE WHEN g %% 10 = 0 THEN interval '40 hours'
                              ELSE interval '12 hours' END) END,
               d, 1, 1, d, d
          FROM generate_series(1, %(n)s) g,
               LATERAL (SELECT now() AT TIME ZONE 'UTC'
                               - (g * interval '631 seconds') AS d) t
    """, dict(partners=partners, categories=categories, zones=zones,
              channels=channels, teams=teams, users=users, open=open_stages,
              done=done, company=company, n=TICKETS))
    cr.execute('ANALYZE helpdesk_ticket')


def timed(label, func, results):
    start = time.time()
    value = func()
    elapsed = time.time() - start
    results.append((label, elapsed))
    print('%-48s %7.3f s  %s' % (label, elapsed,
                                'ok' if elapsed < AIM else 'SLOW'))
    return value


def main():
    import odoo
    with benchlib.bench_env(DB, ['customer_complaint']) as env:
        cr = env.cr
        t0 = time.time()
        setup(env)
        cr.execute('SELECT count(*) FROM helpdesk_ticket')
        total = cr.fetchone()[0]
        print('%d tickets in the database (%d inserted in %.1f s)'
              % (total, TICKETS, time.time() - t0))
        Recap = env['complaint.recap']
        now = odoo.fields.Datetime.from_string(odoo.fields.Datetime.now())
        year, month = now.year, now.month
        dashboard = env['complaint.recap.dashboard'].create(
            {'year': year, 'month': str(month)})
        date_from, date_to = dashboard._bounds()
        results = []
        timed('month totals (SQL)', lambda: Recap._figures(date_from, date_to),
              results)
        for field in ('category_id', 'zone_id', 'channel_id', 'team_id'):
            timed('month by %s (SQL)' % field,
                  lambda f=field: Recap._figures(date_from, date_to, f), results)
        timed('all months by month (SQL)',
              lambda: Recap._figures('2000-01-01', '2100-01-01', 'month'),
              results)
        timed('backlog by age (SQL)', Recap._backlog_by_age, results)
        timed('pivot month x category, all (read_group)',
              lambda: Recap.read_group(
                  [], ['month', 'category_id', 'nbr', 'handled_rate',
                       'within_sla_rate', 'response_hours',
                       'resolution_hours'],
                  ['month:month', 'category_id'], lazy=False), results)
        timed('pivot zone x channel, one month (read_group)',
              lambda: Recap.read_group(
                  [('complaint_date', '>=', date_from),
                   ('complaint_date', '<', date_to)],
                  ['zone_id', 'channel_id', 'nbr', 'within_sla_rate'],
                  ['zone_id', 'channel_id'], lazy=False), results)
        timed('graph by team, all (read_group)',
              lambda: Recap.read_group([], ['team_id', 'nbr'], ['team_id']),
              results)
        figures = timed('dashboard figures (all of the above per month)',
                        dashboard.get_figures, results)
        timed('XLSX of the month',
              lambda: env.ref('customer_complaint.complaint_recap_report_xlsx')
              .render_xlsx(dashboard.ids, {}), results)
        print('month %s: %d complaints, %s %% handled, %s %% within SLA'
              % (figures['month_label'], figures['total'],
                 figures['handled_pct'], figures['within_sla_pct']))
        slow = [label for label, elapsed in results if elapsed >= AIM]
        print('slowest: %.3f s; %s' % (max(e for _l, e in results),
                                       'all under %.1f s' % AIM if not slow
                                       else 'over %.1f s: %s' % (AIM, ', '.join(slow))))


if __name__ == '__main__':
    main()
