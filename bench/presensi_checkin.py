"""Check-in requests per second through hr_presensi's /presensi/submit
(geofence, photo validation and storage, attempt log, suspicion checks,
day status refresh) against Odoo's own attendance_manual (JSON-RPC
call_kw), on the same server (--workers=2), with CLIENTS concurrent
clients, each logged in as its own employee and toggling check in/out.

Uses database $DB (default presensi_bench), created with hr_presensi through
scripts/db.sh when it does not exist; bench users are created once
(bench_presensi_N, password = login) and the double-tap window is set to 0.
Run from the repository root: .venv/bin/python bench/presensi_checkin.py
"""
import base64
import io
import os
import socket
import subprocess
import sys
import threading
import time
import uuid

import requests
from PIL import Image

import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get('DB', 'presensi_bench')
CONF = os.path.join(ROOT, '.run', 'odoo.conf')
ADDONS = ['hr_presensi', 'hr_attendance_report_theoretical_time']
CLIENTS = int(os.environ.get('CLIENTS', 20))
SECONDS = float(os.environ.get('SECONDS', 20))
SITE = (5.5483, 95.3238)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def prepare():
    with benchlib.bench_env(DB, ADDONS, commit=True) as env:
        env.user.company_id.write({'presensi_double_tap_seconds': 0,
                                   'presensi_photo_max_kb': 3072})
        site = env['hr.presensi.site'].search(
            [('name', '=', 'Bench site')], limit=1) or env[
            'hr.presensi.site'].create({
                'name': 'Bench site', 'latitude': SITE[0],
                'longitude': SITE[1], 'radius': 100,
                'require_photo': True})
        logins = []
        for i in range(CLIENTS):
            login = 'bench_presensi_%d' % i
            user = env['res.users'].search([('login', '=', login)])
            if not user:
                user = env['res.users'].with_context(
                    no_reset_password=True).create({
                        'name': 'Bench %d' % i, 'login': login,
                        'password': login,
                        'groups_id': [(6, 0, [env.ref('base.group_user').id])]})
                env['hr.employee'].create({
                    'name': 'Bench %d' % i, 'user_id': user.id,
                    'presensi_site_ids': [(6, 0, site.ids)]})
            logins.append((login, user.employee_ids[:1].id))
    return logins


def login(url, name):
    s = requests.Session()
    r = s.post(url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'method': 'call',
        'params': {'db': DB, 'login': name, 'password': name}}, timeout=60)
    assert r.json()['result']['uid'], r.text
    return s


def photo_b64():
    out = io.BytesIO()
    Image.new('RGB', (640, 480), (90, 140, 200)).save(out, 'JPEG')
    return base64.b64encode(out.getvalue()).decode()


def run(url, sessions, kind, photo):
    deadline = time.time() + SECONDS
    counts = {'ok': 0, 'bad': 0}
    latencies = []
    lock = threading.Lock()

    def client(session, employee_id, state):
        action = 'check_out' if state == 'checked_in' else 'check_in'
        while time.time() < deadline:
            t0 = time.time()
            if kind == 'presensi':
                r = session.post(url + '/presensi/submit', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {
                        'action': action, 'latitude': SITE[0] + 0.0001,
                        'longitude': SITE[1], 'accuracy': 12.0,
                        'photo': photo, 'request_id': uuid.uuid4().hex,
                        'device_id': 'bench'}}, timeout=120)
                result = r.json().get('result') or {}
                ok = result.get('ok')
                if ok:
                    action = ('check_out' if result['state'] == 'checked_in'
                              else 'check_in')
            else:
                r = session.post(url + '/web/dataset/call_kw', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {
                        'model': 'hr.employee', 'method': 'attendance_manual',
                        'args': [[employee_id],
                                 'hr_attendance.hr_attendance_action_my_attendances'],
                        'kwargs': {}}}, timeout=120)
                ok = 'result' in r.json()
            with lock:
                counts['ok' if ok else 'bad'] += 1
                latencies.append(time.time() - t0)

    threads = []
    for session, employee_id, state in sessions:
        threads.append(threading.Thread(target=client, args=(
            session, employee_id, state)))
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    latencies.sort()
    p = lambda q: latencies[int(q * (len(latencies) - 1))] * 1000 if latencies else 0
    return counts, elapsed, p(0.5), p(0.95)


def main():
    logins = prepare()
    port = free_port()
    log = os.path.join(ROOT, 'artifacts', 'presensi-checkin-bench.log')
    server = subprocess.Popen([
        sys.executable, os.path.join(ROOT, 'scripts', 'odoo-bin'), '-c', CONF,
        '-d', DB, '--db-filter=^%s$' % DB, '--http-port=%d' % port,
        '--longpolling-port=%d' % free_port(), '--workers=2',
        '--max-cron-threads=0', '--logfile=%s' % log],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = 'http://127.0.0.1:%d' % port
    try:
        for _ in range(240):
            try:
                if requests.get(url + '/web/login', timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.5)
        photo = photo_b64()
        results = {}
        for kind in ('attendance_manual', 'presensi'):
            sessions = []
            for name, employee_id in logins:
                s = login(url, name)
                state = s.post(url + '/presensi/state', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {}},
                    timeout=60).json()['result']['state']
                sessions.append((s, employee_id, state))
            results[kind] = run(url, sessions, kind, photo)
    finally:
        server.terminate()
        server.wait(30)
    print('%d clients, %.0f s per path, --workers=2' % (CLIENTS, SECONDS))
    for kind, (counts, elapsed, p50, p95) in results.items():
        print('%-18s %6.1f requests/s  ok %d, refused/failed %d, '
              'p50 %.0f ms, p95 %.0f ms' % (
                  kind, counts['ok'] / elapsed, counts['ok'], counts['bad'],
                  p50, p95))
    ours = results['presensi'][0]['ok'] / results['presensi'][1]
    theirs = results['attendance_manual'][0]['ok'] / \
        results['attendance_manual'][1]
    print('ratio presensi / attendance_manual: %.2f' % (ours / theirs))


if __name__ == '__main__':
    main()
