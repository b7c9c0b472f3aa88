"""Webhook throughput of wa_chatbot beside Odoo's own minimal route.

Creates (or reuses) the database ``wa_chatbot_bench`` with wa_chatbot and its
demo data, points the demo WhatsApp account at a fake Graph API served here on
127.0.0.1, starts Odoo with 2 workers, and sends signed webhook calls (one text
message each, as Meta does: no cookie) from 20 concurrent senders. The webhook
answers once the message is stored; each worker then runs the conversation and
posts the reply to the fake Graph API in its background thread. The bench waits
until every message is processed (end-to-end rate), then the same 20 senders
call ``/web/webclient/version_info`` (JSON-RPC, no cookie) on the same server.

Prints messages/s, p50 and p95 for both, the ratio, and the end-to-end rate
(from the first call to the last message processed).
Run from the repository root: .venv/bin/python bench/wa_chatbot_webhook.py
Options: --messages N (per sender, default 50), --db NAME (default wa_chatbot_bench),
--update (update wa_chatbot in a reused database first), --drop (drop the database after).
"""
import argparse
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = 'wa_chatbot_bench'
SECRET = 'bench-app-secret'
PHONE_NUMBER_ID = '100000000000001'
SENDERS = 20


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Graph(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # headers and body in one write, as a real server does: two small writes
    # on a kept-alive connection wait for the client's delayed ACK (~40 ms)
    wbufsize = -1
    count = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        with Graph.lock:
            Graph.count += 1
            n = Graph.count
        body = json.dumps({'messages': [{'id': 'wamid.BENCH%d' % n}]}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def pg():
    return psycopg2.connect(dbname=DB, host=os.environ.get('PGHOST', '127.0.0.1'),
                            port=os.environ.get('PGPORT', '5432'))


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


def run(label, func, total):
    latencies, errors = [], []

    def one(i):
        start = time.perf_counter()
        try:
            status = func(i)
        except requests.RequestException as e:
            status = str(e)
        latencies.append(time.perf_counter() - start)
        if status != 200:
            errors.append(status)

    start = time.perf_counter()
    with ThreadPoolExecutor(SENDERS) as pool:
        list(pool.map(one, range(total)))
    elapsed = time.perf_counter() - start
    rate = total / elapsed
    p50, p95 = percentile(latencies, 50) * 1000, percentile(latencies, 95) * 1000
    print('%-34s %6d calls  %7.1f /s  p50 %6.1f ms  p95 %6.1f ms  errors %d'
          % (label, total, rate, p50, p95, len(errors)))
    if errors:
        print('   first errors:', errors[:3])
    return rate, p95


def wait_processed(pattern, expected, timeout=300):
    """Wait until ``expected`` messages matching ``pattern`` are stored and
    none is still waiting to be processed; return how many still wait."""
    deadline = time.time() + timeout
    while True:
        with pg() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT count(*), count(*) FILTER (WHERE state = 'received') "
                       "FROM wa_message WHERE wamid LIKE %s", (pattern,))
            stored, waiting = cr.fetchone()
        cnx.close()
        if (stored >= expected and not waiting) or time.time() > deadline:
            return waiting + max(0, expected - stored)
        time.sleep(0.05)


def main():
    global DB
    parser = argparse.ArgumentParser()
    parser.add_argument('--messages', type=int, default=50)
    parser.add_argument('--drop', action='store_true')
    parser.add_argument('--update', action='store_true',
                        help="update wa_chatbot in the database before measuring")
    parser.add_argument('--db', default=DB, help="database to create or reuse")
    args = parser.parse_args()
    DB = args.db
    subprocess.check_call(['bash', os.path.join(ROOT, 'scripts', 'db.sh'), DB, 'wa_chatbot'])
    if args.update:
        subprocess.check_call([sys.executable, os.path.join(ROOT, 'scripts', 'odoo-bin'), '-c',
                               os.path.join(ROOT, '.run', 'odoo.conf'), '-d', DB, '-u',
                               'wa_chatbot', '--stop-after-init', '--http-port=%d' % free_port(),
                               '--log-level=warn'], stdout=subprocess.DEVNULL)

    graph = ThreadingHTTPServer(('127.0.0.1', 0), Graph)
    graph.daemon_threads = True
    threading.Thread(target=graph.serve_forever, daemon=True).start()
    graph_url = 'http://127.0.0.1:%d' % graph.server_address[1]

    with pg() as cnx, cnx.cursor() as cr:
        cr.execute("""UPDATE wa_account SET app_secret = %s, access_token = 'bench',
                          graph_url = %s, rate_limit_count = 0, active = true
                      WHERE phone_number_id = %s""", (SECRET, graph_url, PHONE_NUMBER_ID))
        cr.execute("DELETE FROM wa_message WHERE wamid LIKE 'wamid.BENCH%%'")

    port = free_port()
    log = os.path.join(ROOT, 'artifacts', 'bench-wa-chatbot-server.log')
    os.makedirs(os.path.dirname(log), exist_ok=True)
    cmd = [sys.executable, os.path.join(ROOT, 'scripts', 'odoo-bin'), '-c',
           os.path.join(ROOT, '.run', 'odoo.conf'), '-d', DB, '--db-filter=^%s$' % DB,
           '--http-port=%d' % port, '--longpolling-port=%d' % free_port(), '--workers=2',
           '--max-cron-threads=0', '--logfile=%s' % log, '--log-level=warn']
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = 'http://127.0.0.1:%d' % port
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(base + '/web/login', timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            raise SystemExit('Odoo did not start; see %s' % log)

        run_id = int(time.time())

        def webhook(i):
            phone = '62812%07d' % (i % 500)
            payload = {'object': 'whatsapp_business_account', 'entry': [{'id': 'W', 'changes': [{
                'field': 'messages', 'value': {
                    'messaging_product': 'whatsapp',
                    'metadata': {'display_phone_number': '62651000000',
                                 'phone_number_id': PHONE_NUMBER_ID},
                    'contacts': [{'profile': {'name': 'Bench'}, 'wa_id': phone}],
                    'messages': [{'from': phone, 'id': 'wamid.BENCH%d.%d' % (run_id, i),
                                  'timestamp': str(run_id), 'type': 'text',
                                  'text': {'body': 'halo'}}]}}]}]}
            body = json.dumps(payload).encode()
            sig = 'sha256=' + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
            return requests.post(base + '/whatsapp/webhook', data=body, timeout=30, headers={
                'Content-Type': 'application/json', 'X-Hub-Signature-256': sig}).status_code

        def version_info(i):
            return requests.post(base + '/web/webclient/version_info', timeout=30,
                                 json={'jsonrpc': '2.0', 'method': 'call', 'params': {}}
                                 ).status_code

        run('warm-up', lambda i: webhook(100000 + i), 40)  # ids apart from the run's
        run('warm-up', version_info, 40)
        total = SENDERS * args.messages
        wait_processed('wamid.BENCH%d.%%' % run_id, 40)
        sent_before = Graph.count
        start = time.perf_counter()
        rate_wh, p95_wh = run('/whatsapp/webhook (signed, no cookie)', webhook, total)
        pending = wait_processed('wamid.BENCH%d.%%' % run_id, total + 40)
        elapsed = time.perf_counter() - start
        print('end to end (stored, processed, reply posted): %d messages in %.1f s = %.1f /s%s'
              % (total, elapsed, total / elapsed,
                 '' if not pending else ', %d still waiting' % pending))
        rate_vi, p95_vi = run('/web/webclient/version_info (no cookie)', version_info, total)
        print('replies received by the fake Graph API: %d for %d messages'
              % (Graph.count - sent_before, total))
        with pg() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT state, count(*) FROM wa_message WHERE wamid LIKE %s GROUP BY state",
                       ('wamid.BENCH%d.%%' % run_id,))
            print('stored messages by state:', dict(cr.fetchall()))
        print('ratio webhook / version_info: %.2f (throughput), %.2f (p95)'
              % (rate_wh / rate_vi, p95_wh / p95_vi))
        print('aim: >= 100 messages/s and p95 < 200 ms -> %s'
              % ('met' if rate_wh >= 100 and p95_wh < 200 else 'not met'))
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        graph.shutdown()
        if args.drop:
            subprocess.call(['make', '-C', ROOT, 'clean-db', 'DB=%s' % DB])


if __name__ == '__main__':
    main()
