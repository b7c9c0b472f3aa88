"""Check-in requests per second through hr_presensi's /presensi/submit
(geofence, photo validation and storage, attempt log, suspicion checks,
day status refresh) against Odoo's own attendance_manual (JSON-RPC
call_kw), on the same server (--workers=2), with CLIENTS concurrent
clients.

Each client cycles over EMPLOYEES_PER_CLIENT employees of its own (one web
session per employee, logged in as the employee's user) and toggles them in
and out in turn. An employee is never toggled again within MIN_GAP seconds
of its previous answer: Odoo stores attendance times to the second and finds
an employee's latest attendance by check_in, so two toggles in one second
leave the employee in a state Odoo refuses to go on from. A client that would
have to wait for that gap waits, and the waiting is printed: when it is more
than a few % of the time, raise EMPLOYEES_PER_CLIENT. Each path has its own
employees, and the attendances, attempts, photos and day statuses of all
bench employees are deleted before the run, so every run starts with every
employee checked out and no history.

Afterwards it checks the database against the answers (every accepted
check-in made one attendance, every accepted check-out closed one) and exits
non-zero when a path failed more than MAX_ERROR_PCT % of its requests or the
check fails, instead of printing a ratio.

Uses database $DB (default presensi_bench), created with hr_presensi through
scripts/db.sh when it does not exist; bench users are created once
(bench_presensi_<path>_<client>_<n>, password = login) and the double-tap
window is set to 0. Run from the repository root:
    .venv/bin/python bench/presensi_checkin.py
"""
import base64
import collections
import io
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
from PIL import Image

import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get('DB', 'presensi_bench')
CONF = os.path.join(ROOT, '.run', 'odoo.conf')
ADDONS = ['hr_presensi', 'hr_attendance_report_theoretical_time']
CLIENTS = int(os.environ.get('CLIENTS', 20))
SECONDS = float(os.environ.get('SECONDS', 20))
EMPLOYEES_PER_CLIENT = int(os.environ.get('EMPLOYEES_PER_CLIENT', 6))
MIN_GAP = float(os.environ.get('MIN_GAP', 1.5))
MAX_ERROR_PCT = float(os.environ.get('MAX_ERROR_PCT', 2))
SITE = (5.5483, 95.3238)
# path -> short tag used in the bench users' logins
PATHS = collections.OrderedDict([('attendance_manual', 'am'),
                                 ('presensi', 'ps')])


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def prepare():
    """Create the bench users and employees that are missing, delete the
    bench employees' attendance history, and return
    {path: [[(login, employee id), ...] per client]}."""
    with benchlib.bench_env(DB, ADDONS, commit=True) as env:
        env.user.company_id.write({'presensi_double_tap_seconds': 0,
                                   'presensi_photo_max_kb': 3072})
        site = env['hr.presensi.site'].search(
            [('name', '=', 'Bench site')], limit=1) or env[
            'hr.presensi.site'].create({
                'name': 'Bench site', 'latitude': SITE[0],
                'longitude': SITE[1], 'radius': 100,
                'require_photo': True})
        group_user = env.ref('base.group_user')
        plan = collections.OrderedDict()
        for path, tag in PATHS.items():
            plan[path] = []
            for c in range(CLIENTS):
                members = []
                for n in range(EMPLOYEES_PER_CLIENT):
                    login = 'bench_presensi_%s_%d_%d' % (tag, c, n)
                    user = env['res.users'].search([('login', '=', login)])
                    if not user:
                        user = env['res.users'].with_context(
                            no_reset_password=True).create({
                                'name': 'Bench %s %d.%d' % (tag, c, n),
                                'login': login, 'password': login,
                                'groups_id': [(6, 0, group_user.ids)]})
                    if not user.employee_ids:
                        env['hr.employee'].create({
                            'name': user.name, 'user_id': user.id,
                            'presensi_site_ids': [(6, 0, site.ids)]})
                    members.append((login, user.employee_ids[:1].id))
                plan[path].append(members)
        employee_ids = [e for clients in plan.values()
                        for members in clients for _l, e in members]
        reset(env, employee_ids)
    return plan


def reset(env, employee_ids):
    """Delete the attendances, attempts, photos and day statuses of the
    employees (old runs' and any left checked in)."""
    cr = env.cr
    cr.execute('SELECT id FROM hr_attendance WHERE employee_id = ANY(%s)',
               (employee_ids,))
    attendance_ids = [r[0] for r in cr.fetchall()]
    env['ir.attachment'].search([
        ('res_model', '=', 'hr.attendance'),
        ('res_id', 'in', attendance_ids)]).unlink()
    for table in ('hr_presensi_attempt', 'hr_attendance', 'hr_presensi_day'):
        cr.execute('DELETE FROM %s WHERE employee_id = ANY(%%s)' % table,
                   (employee_ids,))


def stored(employee_ids):
    """(attendances, closed attendances, employees with more than one open
    attendance) of the employees, as committed. Runs after prepare(), which
    loaded the registry."""
    import odoo
    with odoo.registry(DB).cursor() as cr:
        cr.execute("""
            SELECT count(*), count(check_out)
              FROM hr_attendance WHERE employee_id = ANY(%s)""",
                   (employee_ids,))
        total, closed = cr.fetchone()
        cr.execute("""
            SELECT count(*) FROM (
                SELECT employee_id FROM hr_attendance
                 WHERE employee_id = ANY(%s) AND check_out IS NULL
                 GROUP BY employee_id HAVING count(*) > 1) t""",
                   (employee_ids,))
        return total, closed, cr.fetchone()[0]


def login(url, name):
    s = requests.Session()
    r = s.post(url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'method': 'call',
        'params': {'db': DB, 'login': name, 'password': name}}, timeout=120)
    assert r.json()['result']['uid'], r.text
    return s


def photo_b64():
    out = io.BytesIO()
    Image.new('RGB', (640, 480), (90, 140, 200)).save(out, 'JPEG')
    return base64.b64encode(out.getvalue()).decode()


def rpc_error(body):
    """The error of a JSON-RPC answer, digits replaced by # so that the same
    error for other employees and times counts as one."""
    error = body.get('error') or {}
    data = error.get('data') or {}
    return re.sub(r'\d+', '#', (data.get('name') or 'error') + ': ' + str(
        data.get('message') or error.get('message') or body))[:120]


def toggle(url, path, member, photo):
    """One check in or out of the member (a dict with session, employee_id
    and, for presensi, the action to send). Returns None, or what went
    wrong."""
    session = member['session']
    if path == 'presensi':
        body = session.post(url + '/presensi/submit', json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {
                'action': member['action'], 'latitude': SITE[0] + 0.0001,
                'longitude': SITE[1], 'accuracy': 12.0,
                'photo': photo, 'request_id': uuid.uuid4().hex,
                'device_id': 'bench'}}, timeout=120).json()
        if 'error' in body:
            return rpc_error(body)
        result = body['result']
        if result.get('ok') and not result.get('duplicate'):
            member['action'] = ('check_out' if result['state'] == 'checked_in'
                                else 'check_in')
            return None
        # Go on from the state the server says the employee is in.
        if result.get('code') == 'already_checked_in':
            member['action'] = 'check_out'
        elif result.get('code') == 'not_checked_in':
            member['action'] = 'check_in'
        return 'refused: %s' % result.get('code')
    body = session.post(url + '/web/dataset/call_kw', json={
        'jsonrpc': '2.0', 'method': 'call', 'params': {
            'model': 'hr.employee', 'method': 'attendance_manual',
            'args': [[member['employee_id']],
                     'hr_attendance.hr_attendance_action_my_attendances'],
            'kwargs': {}}}, timeout=120).json()
    if 'error' in body:
        return rpc_error(body)
    action = (body.get('result') or {}).get('action') or {}
    if not action.get('attendance'):
        return 'refused: %s' % str(body.get('result'))[:120]
    return None


def run(url, path, clients, photo):
    """Run the clients (lists of members) for SECONDS; returns the
    figures."""
    deadline = time.time() + SECONDS
    ok = [0]
    errors = collections.Counter()
    latencies = []
    waited = [0.0]
    lock = threading.Lock()

    def client(members):
        i = 0
        while True:
            member = members[i % len(members)]
            i += 1
            pause = member['ready'] - time.time()
            if pause > 0:
                pause = min(pause, max(0.0, deadline - time.time()))
                with lock:
                    waited[0] += pause
                time.sleep(pause)
            if time.time() >= deadline:
                return
            t0 = time.time()
            try:
                error = toggle(url, path, member, photo)
            except (requests.RequestException, ValueError) as e:
                error = 'exception: %s' % type(e).__name__
            t1 = time.time()
            member['ready'] = t1 + MIN_GAP
            with lock:
                latencies.append(t1 - t0)
                if error:
                    errors[error] += 1
                else:
                    ok[0] += 1

    threads = [threading.Thread(target=client, args=(members,))
               for members in clients]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    latencies.sort()

    def p(q):
        return latencies[int(q * (len(latencies) - 1))] * 1000 \
            if latencies else 0
    return {'ok': ok[0], 'errors': errors, 'elapsed': elapsed,
            'p50': p(0.5), 'p95': p(0.95),
            'waited': waited[0] / (len(clients) * elapsed)}


def main():
    plan = prepare()
    port = free_port()
    log = os.path.join(ROOT, 'artifacts', 'presensi-checkin-bench.log')
    server = subprocess.Popen([
        sys.executable, os.path.join(ROOT, 'scripts', 'odoo-bin'), '-c', CONF,
        '-d', DB, '--db-filter=^%s$' % DB, '--http-port=%d' % port,
        '--longpolling-port=%d' % free_port(), '--workers=2',
        '--max-cron-threads=0', '--logfile=%s' % log],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = 'http://127.0.0.1:%d' % port
    results = collections.OrderedDict()
    try:
        for _ in range(240):
            try:
                if requests.get(url + '/web/login', timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.5)
        photo = photo_b64()
        with ThreadPoolExecutor(CLIENTS) as pool:
            for path, clients in plan.items():
                sessions = {login_: pool.submit(login, url, login_)
                            for members in clients for login_, _e in members}
                ready = [[{'session': sessions[login_].result(),
                           'employee_id': employee_id,
                           'action': 'check_in', 'ready': 0.0}
                          for login_, employee_id in members]
                         for members in clients]
                results[path] = run(url, path, ready, photo)
    finally:
        server.terminate()
        server.wait(30)

    print('%d clients x %d employees each, %.0f s per path, --workers=2, '
          'at least %.1f s between two toggles of one employee' % (
              CLIENTS, EMPLOYEES_PER_CLIENT, SECONDS, MIN_GAP))
    failures = []
    for path, r in results.items():
        done = r['ok'] + sum(r['errors'].values())
        bad = sum(r['errors'].values())
        pct = 100.0 * bad / done if done else 100.0
        print('%-18s %6.1f requests/s  ok %d, errors %d (%.1f %%), '
              'p50 %.0f ms, p95 %.0f ms, clients waited %.0f %% of the time'
              % (path, r['ok'] / r['elapsed'], r['ok'], bad, pct, r['p50'],
                 r['p95'], 100 * r['waited']))
        for error, count in r['errors'].most_common(5):
            print('    %5d x %s' % (count, error))
        employee_ids = [e for members in plan[path] for _l, e in members]
        total, closed, double_open = stored(employee_ids)
        if total + closed != r['ok'] or double_open:
            failures.append(
                '%s: %d accepted toggles but %d attendances stored with %d '
                'check-outs (%d expected in all); %d employees with two open '
                'attendances' % (path, r['ok'], total, closed, r['ok'],
                                 double_open))
        if not done or pct > MAX_ERROR_PCT:
            failures.append('%s: %d of %d requests failed (%.1f %%, at most '
                            '%.1f %% allowed)' % (path, bad, done, pct,
                                                  MAX_ERROR_PCT))
        if r['waited'] > 0.05:
            print('    clients waited for the %.1f s gap %.0f %% of the time: '
                  'the figure is capped, raise EMPLOYEES_PER_CLIENT' % (
                      MIN_GAP, 100 * r['waited']))
    if failures:
        print('FAILED, no ratio:\n  ' + '\n  '.join(failures))
        sys.exit(1)
    ours = results['presensi']['ok'] / results['presensi']['elapsed']
    theirs = results['attendance_manual']['ok'] / \
        results['attendance_manual']['elapsed']
    print('ratio presensi / attendance_manual: %.2f' % (ours / theirs))


if __name__ == '__main__':
    main()
