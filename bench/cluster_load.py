"""A month-start morning on the three-node cluster, through the balancer.

    make cluster-load          # load only
    make cluster-failover      # load, kill one node by its PID, bring it back
    make cluster-pg-restart    # load, restart PostgreSQL in the middle

Traffic (one thread per virtual client, for --seconds):
- employees log in (a new web session: one visit) and check in, later check
  out, through the hr_presensi endpoint, with a photo and a client request id;
  a request that fails in flight is retried by the client with the same id;
- WhatsApp webhook deliveries signed like Meta signs them, with a share of
  redeliveries of messages already sent;
- managers opening the monthly attendance recap.

Afterwards it checks what was stored: every accepted check-in exists exactly
once, every delivered WhatsApp message is stored exactly once and produced at
most one complaint, the outbox delivered what was queued, no request failed
for good. It prints requests per second, p50/p95 per kind and how the visits
split across the nodes, and exits non-zero when a check fails.
"""
import argparse
import base64
import collections
import hashlib
import hmac
import io
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLUSTER_DIR = os.path.join(ROOT, ".run", "cluster")
NODES = ("node1", "node2", "node3")
SITE = (4.4683, 97.9683)            # Langsa head office
APP_SECRET = "cluster-load-app-secret"
VERIFY_TOKEN = "cluster-load-verify"
PASSWORD = "load-Pass-2024"


def percentile(values, pct):
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(pct / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = collections.defaultdict(list)
        self.status = collections.defaultdict(collections.Counter)
        self.retries = collections.Counter()
        self.failed_for_good = collections.Counter()
        self.last_answers = collections.defaultdict(list)
        self.upstreams = collections.Counter()

    def record(self, kind, seconds, status, upstream=None):
        with self.lock:
            self.latency[kind].append(seconds)
            self.status[kind][status] += 1
            if upstream:
                self.upstreams[upstream.split(",")[-1].strip()] += 1


class FakeGraph(ThreadingHTTPServer):
    """Stands in for graph.facebook.com: records what the outbox sends."""

    daemon_threads = True

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), GraphHandler)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]


class GraphHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.received.append(json.loads(body or b"{}"))
        answer = json.dumps({"messaging_product": "whatsapp",
                             "messages": [{"id": "wamid.out.%s" % uuid.uuid4().hex}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_GET(self):  # noqa: N802
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


class Odoo:
    """JSON-RPC through the balancer."""

    def __init__(self, url, db):
        self.url, self.db = url, db

    def login(self, login, password, session=None):
        s = session or requests.Session()
        r = s.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"db": self.db, "login": login, "password": password}}, timeout=60)
        r.raise_for_status()
        result = r.json().get("result") or {}
        if not result.get("uid"):
            raise RuntimeError("login %s refused: %s" % (login, r.text[:300]))
        s.uid = result["uid"]
        return s, r

    def call(self, session, model, method, *args, **kwargs):
        r = session.post(self.url + "/web/dataset/call_kw", json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"model": model, "method": method, "args": list(args),
                       "kwargs": kwargs}}, timeout=120)
        r.raise_for_status()
        body = r.json()
        if "error" in body:
            raise RuntimeError("%s.%s: %s" % (model, method, json.dumps(body["error"])[:800]))
        return body["result"]


def tiny_jpeg():
    from PIL import Image
    img = Image.new("RGB", (64, 64), (30, 120, 200))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return base64.b64encode(out.getvalue()).decode()


def setup(odoo, admin, employees, graph_url):
    """Idempotent: sites, employees with users, and the WhatsApp account."""
    site = odoo.call(admin, "hr.presensi.site", "search", [["name", "=", "Load test site"]])
    if site:
        site_id = site[0]
    else:
        site_id = odoo.call(admin, "hr.presensi.site", "create", {
            "name": "Load test site", "latitude": SITE[0], "longitude": SITE[1],
            "radius": 300.0, "require_photo": True})
    odoo.call(admin, "res.company", "write", [1], {"presensi_double_tap_seconds": 0})
    logins = ["load%03d" % i for i in range(employees)]
    existing = {u["login"]: u["id"] for u in odoo.call(
        admin, "res.users", "search_read", [["login", "in", logins]], fields=["login"])}
    for login in logins:
        if login in existing:
            continue
        uid = odoo.call(admin, "res.users", "create", {
            "name": "Pegawai %s" % login, "login": login, "password": PASSWORD})
        odoo.call(admin, "hr.employee", "create", {
            "name": "Pegawai %s" % login, "user_id": uid,
            "presensi_site_ids": [[6, 0, [site_id]]]})
    # Everyone starts checked out.
    open_ids = odoo.call(admin, "hr.attendance", "search", [
        ["check_out", "=", False], ["employee_id.user_id.login", "in", logins]])
    if open_ids:
        odoo.call(admin, "hr.attendance", "unlink", open_ids)
    if odoo.call(admin, "ir.model", "search_count", [["model", "=", "wa.account"]]):
        # Every account answers to the load test's secret and sends its
        # replies to the fake Graph API of this process.
        accounts = odoo.call(admin, "wa.account", "search_read", [], fields=["phone_number_id"])
        values = {"app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN,
                  "graph_url": graph_url, "access_token": "load-token"}
        if accounts:
            odoo.call(admin, "wa.account", "write", [a["id"] for a in accounts], values)
            return logins, accounts[0]["phone_number_id"]
        values.update(name="Load test", phone_number_id="1000")
        odoo.call(admin, "wa.account", "create", values)
        return logins, "1000"
    return logins, None


def employee_client(odoo, login, stats, stop, photo, accepted, attempts_log):
    """Log in, check in, wait, check out, log in again... until stop."""
    while not stop.is_set():
        session = requests.Session()
        t0 = time.time()
        try:
            session, r = odoo.login(login, PASSWORD, session)
            stats.record("login", time.time() - t0, r.status_code, r.headers.get("X-Upstream"))
        except (requests.RequestException, RuntimeError, ValueError):
            stats.record("login", time.time() - t0, "error")
            time.sleep(0.5)
            continue
        for action in ("check_in", "check_out"):
            if stop.is_set():
                return
            request_id = uuid.uuid4().hex
            payload = {"action": action, "latitude": SITE[0] + random.uniform(-0.0005, 0.0005),
                       "longitude": SITE[1] + random.uniform(-0.0005, 0.0005),
                       "accuracy": random.uniform(5, 40), "photo": photo,
                       "request_id": request_id, "device_id": "load-" + login}
            last = "no answer"
            for attempt in range(8):
                t0 = time.time()
                try:
                    r = session.post(odoo.url + "/presensi/submit", json={
                        "jsonrpc": "2.0", "method": "call", "params": payload}, timeout=60)
                except requests.RequestException:
                    stats.record("checkin", time.time() - t0, "conn-error")
                    stats.retries["checkin"] += 1
                    time.sleep(0.3 * (attempt + 1))
                    continue
                stats.record("checkin", time.time() - t0, r.status_code, r.headers.get("X-Upstream"))
                last = "%s %s" % (r.status_code, r.text[:300])
                try:
                    body = r.json() if r.status_code == 200 else None
                except ValueError:
                    body = None
                if body is None:
                    # 502/503 from the balancer, or the database away
                    # (PostgreSQL restart): try again with the same request id.
                    stats.retries["checkin"] += 1
                    time.sleep(0.3 * (attempt + 1))
                    continue
                result = body.get("result") or {}
                if result.get("ok"):
                    with stats.lock:
                        accepted.append((login, request_id))
                    attempts_log.append(result.get("code"))
                    break
                if "error" in body:
                    # The database went away under the request (PostgreSQL
                    # restart): the client tries again with the same request
                    # id, after logging in again when Odoo dropped the session
                    # (as the phone page sends the employee to the login page).
                    stats.retries["checkin"] += 1
                    time.sleep(0.5 * (attempt + 1))
                    if "SessionExpired" in json.dumps(body["error"]):
                        try:
                            session, _ = odoo.login(login, PASSWORD)
                            stats.retries["relogin"] += 1
                        except (requests.RequestException, RuntimeError, ValueError):
                            pass
                    continue
                attempts_log.append(result.get("code"))
                break
            else:
                stats.failed_for_good["checkin"] += 1
                with stats.lock:
                    stats.last_answers["checkin"].append(last)
            stop.wait(random.uniform(0.5, 1.5))


def sign(body):
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


def whatsapp_client(odoo, index, stats, stop, delivered, phone_number_id):
    phone = "6281200%05d" % index
    sent = []
    n = 0
    while not stop.is_set():
        if sent and random.random() < 0.2:
            wamid = random.choice(sent)        # Meta redelivers
        else:
            n += 1
            wamid = "wamid.load.%d.%d.%s" % (index, n, uuid.uuid4().hex[:8])
            sent.append(wamid)
        body = json.dumps({"object": "whatsapp_business_account", "entry": [{
            "id": "waba-load", "changes": [{"field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "6281100000000",
                             "phone_number_id": phone_number_id},
                "contacts": [{"profile": {"name": "Pelanggan %d" % index}, "wa_id": phone}],
                "messages": [{"from": phone, "id": wamid, "timestamp": str(int(time.time())),
                              "type": "text", "text": {"body": "menu"}}]}}]}]}).encode()
        for attempt in range(8):
            t0 = time.time()
            try:
                r = requests.post(odoo.url + "/whatsapp/webhook", data=body, timeout=60, headers={
                    "Content-Type": "application/json", "X-Hub-Signature-256": sign(body)})
            except requests.RequestException:
                stats.record("webhook", time.time() - t0, "conn-error")
                stats.retries["webhook"] += 1
                time.sleep(0.3 * (attempt + 1))
                continue
            stats.record("webhook", time.time() - t0, r.status_code, r.headers.get("X-Upstream"))
            if r.status_code == 200:
                with stats.lock:
                    delivered.add(wamid)
                break
            # Meta retries every non-200 answer.
            stats.retries["webhook"] += 1
            time.sleep(0.3 * (attempt + 1))
        else:
            stats.failed_for_good["webhook"] += 1
        stop.wait(random.uniform(0.1, 0.4))


def manager_client(odoo, stats, stop):
    session = None
    while not stop.is_set():
        t0 = time.time()
        try:
            if session is None:
                session, _ = odoo.login("admin", "admin")
            odoo.call(session, "hr.presensi.recap", "read_group", [],
                      ["department_id", "month", "late_minutes", "present_days", "absent_days"],
                      ["department_id", "month:month"],
                      lazy=False)
            stats.record("recap", time.time() - t0, 200)
        except (requests.RequestException, RuntimeError, ValueError):
            stats.record("recap", time.time() - t0, "error")
            stats.retries["recap"] += 1
            session = None
        stop.wait(random.uniform(1.0, 2.0))


def node_pid(node):
    with open(os.path.join(CLUSTER_DIR, node + ".pid")) as f:
        return int(f.read().strip())


def wait_until(predicate, timeout, step=0.5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def probe_availability(url, stop, outages):
    """Every 0.2 s ask the portal for its login page; record the outage window."""
    down_since = None
    while not stop.is_set():
        try:
            ok = requests.get(url + "/web/login", timeout=5).status_code == 200
        except requests.RequestException:
            ok = False
        now = time.time()
        if not ok and down_since is None:
            down_since = now
        elif ok and down_since is not None:
            outages.append(now - down_since)
            down_since = None
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:%s" % os.environ.get("CLUSTER_PORT", "8060"))
    parser.add_argument("--db", default=os.environ.get("DB", "pdam"))
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--employees", type=int, default=24)
    parser.add_argument("--senders", type=int, default=8)
    parser.add_argument("--managers", type=int, default=2)
    parser.add_argument("--kill-node", choices=NODES)
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument("--tolerance", type=float, default=0.5,
                        help="each node's share of requests within this fraction of an equal share")
    args = parser.parse_args()

    graph = FakeGraph()
    threading.Thread(target=graph.serve_forever, daemon=True).start()
    odoo = Odoo(args.url, args.db)
    admin, _ = odoo.login("admin", "admin")
    logins, phone_number_id = setup(odoo, admin, args.employees, graph.url)
    has_chatbot = phone_number_id is not None
    photo = tiny_jpeg()
    visits_before = visit_counts(odoo, admin)
    started = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())

    stats = Stats()
    stop = threading.Event()
    accepted, codes, delivered, outages = [], [], set(), []
    threads = [threading.Thread(target=employee_client, args=(odoo, login, stats, stop, photo, accepted, codes))
               for login in logins]
    if has_chatbot:
        threads += [threading.Thread(target=whatsapp_client, args=(odoo, i, stats, stop, delivered, phone_number_id))
                    for i in range(args.senders)]
    threads += [threading.Thread(target=manager_client, args=(odoo, stats, stop))
                for _ in range(args.managers)]
    probe_stop = threading.Event()
    prober = threading.Thread(target=probe_availability, args=(args.url, probe_stop, outages))
    start = time.time()
    for t in threads:
        t.start()
    prober.start()

    events = []
    if args.kill_node:
        time.sleep(args.seconds / 3)
        pid = node_pid(args.kill_node)
        os.kill(pid, signal.SIGKILL)
        events.append("killed %s (pid %d) at %.1f s" % (args.kill_node, pid, time.time() - start))
        time.sleep(args.seconds / 4)
        subprocess.check_call(["bash", os.path.join(ROOT, "scripts", "cluster.sh"),
                               "restart-node", args.db, args.kill_node],
                              stdout=subprocess.DEVNULL)
        events.append("%s back at %.1f s" % (args.kill_node, time.time() - start))
    if args.restart_postgres:
        time.sleep(args.seconds / 3)
        events.append("PostgreSQL restart at %.1f s" % (time.time() - start))
        subprocess.check_call(["bash", "-c", "pg_ctlcluster --skip-systemctl-redirect "
                               "$(pg_lsclusters -h | awk '{print $1, $2}' | head -1) restart"])
        events.append("PostgreSQL back at %.1f s" % (time.time() - start))
    remaining = args.seconds - (time.time() - start)
    if remaining > 0:
        time.sleep(remaining)
    stop.set()
    for t in threads:
        t.join(120)
    elapsed = time.time() - start
    probe_stop.set()
    prober.join(10)

    # What was stored.
    admin, _ = odoo.login("admin", "admin")
    failures = []
    request_ids = [rid for _, rid in accepted]
    stored = collections.Counter()
    for i in range(0, len(request_ids), 500):
        chunk = request_ids[i:i + 500]
        for row in odoo.call(admin, "hr.presensi.attempt", "search_read",
                             [["request_id", "in", chunk], ["accepted", "=", True]],
                             fields=["request_id"]):
            stored[row["request_id"]] += 1
    lost = [r for r in request_ids if stored[r] == 0]
    doubled = [r for r in request_ids if stored[r] > 1]
    print("\n== Check-ins ==")
    print("sent %d   accepted %d   stored %d   duplicates %d   lost %d   client retries %d"
          " (logins again %d)   failed for good %d"
          % (len(request_ids) + stats.failed_for_good["checkin"], len(request_ids),
             sum(1 for r in request_ids if stored[r] >= 1), len(doubled), len(lost),
             stats.retries["checkin"], stats.retries["relogin"], stats.failed_for_good["checkin"]))
    if lost or doubled:
        failures.append("check-ins: %d lost, %d doubled" % (len(lost), len(doubled)))
    for answer in stats.last_answers["checkin"][:3]:
        print("  last answer of a check-in that failed for good: " + answer)
    if stats.failed_for_good["checkin"]:
        failures.append("%d check-ins failed for good" % stats.failed_for_good["checkin"])

    if has_chatbot:
        wamids = sorted(delivered)
        msg_count = collections.Counter()
        for i in range(0, len(wamids), 500):
            for row in odoo.call(admin, "wa.message", "search_read",
                                 [["wamid", "in", wamids[i:i + 500]]], fields=["wamid"]):
                msg_count[row["wamid"]] += 1
        lost_m = [w for w in wamids if msg_count[w] == 0]
        doubled_m = [w for w in wamids if msg_count[w] > 1]
        webhook_sent = sum(stats.status["webhook"].values())
        print("\n== WhatsApp deliveries ==")
        print("sent %d (with redeliveries)   distinct delivered %d   stored %d   duplicates %d   lost %d   failed for good %d"
              % (webhook_sent, len(wamids), sum(1 for w in wamids if msg_count[w] >= 1),
                 len(doubled_m), len(lost_m), stats.failed_for_good["webhook"]))
        if lost_m or doubled_m or stats.failed_for_good["webhook"]:
            failures.append("webhook: %d lost, %d doubled, %d failed"
                            % (len(lost_m), len(doubled_m), stats.failed_for_good["webhook"]))
        # The outbox: every queued reply reaches the (fake) Graph API.
        def outbox_drained():
            return not odoo.call(admin, "wa.outbox", "search_count",
                                 [["state", "in", ["queued", "failed"]], ["create_date", ">=", started]])
        drained = wait_until(outbox_drained, 180, 2)
        queued = odoo.call(admin, "wa.outbox", "search_count", [["create_date", ">=", started]])
        print("outbox: %d outgoing messages, %d received by the Graph API, drained: %s"
              % (queued, len(graph.received), drained))
        if not drained:
            failures.append("outbox not drained")

    print("\n== Requests ==")
    total = sum(sum(c.values()) for c in stats.status.values())
    print("%d requests in %.1f s: %.1f requests/s" % (total, elapsed, total / elapsed))
    print("%-9s %7s %9s %9s  %s" % ("kind", "count", "p50 ms", "p95 ms", "statuses"))
    for kind in sorted(stats.latency):
        lat = stats.latency[kind]
        print("%-9s %7d %9.0f %9.0f  %s" % (kind, len(lat), 1000 * statistics.median(lat),
                                             1000 * percentile(lat, 95), dict(stats.status[kind])))
    print("\n== Load split across nodes (requests answered, from X-Upstream) ==")
    answered = sum(stats.upstreams.values()) or 1
    for upstream, count in sorted(stats.upstreams.items()):
        print("%-18s %6d  %5.1f %%" % (upstream, count, 100.0 * count / answered))
    visits_after = visit_counts(odoo, admin)
    if visits_after is not None:
        print("\n== Visits counted per node (new web sessions) ==")
        for node in sorted(visits_after):
            print("%-8s %6d" % (node, visits_after[node] - (visits_before or {}).get(node, 0)))
    errors = {kind: sum(n for status, n in c.items() if status != 200)
              for kind, c in stats.status.items()}
    print("answers other than 200 (each retried by the client): %s" % errors)
    if args.kill_node and any(errors.values()):
        # nginx retries what was in flight on the killed node; the clients
        # should not have seen a single error.
        print("note: errors reached the clients during the node failure")
    for event in events:
        print("event: " + event)
    if outages:
        print("portal unavailable: %s (longest %.1f s)"
              % (", ".join("%.1f s" % o for o in outages), max(outages)))
    elif args.restart_postgres or args.kill_node:
        print("portal unavailable: never (every probe of the login page answered)")
    if not args.kill_node and not args.restart_postgres:
        share = 1.0 / len(NODES)
        for upstream, count in stats.upstreams.items():
            if abs(count / answered - share) > args.tolerance * share:
                failures.append("unbalanced: %s got %.1f %%" % (upstream, 100.0 * count / answered))
        if len(stats.upstreams) < len(NODES):
            failures.append("only %d nodes answered" % len(stats.upstreams))
    graph.shutdown()
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        sys.exit(1)
    print("\nOK: nothing lost, nothing doubled")


def visit_counts(odoo, admin):
    """Visits per server from vendor_billing's daily counters, when installed."""
    try:
        rows = odoo.call(admin, "vendor.billing.visit", "read_group",
                         [["source", "=", "session"]], ["server_id", "count"], ["server_id"],
                         lazy=False)
    except RuntimeError:
        return None
    return {r["server_id"][1]: r["count"] for r in rows if r["server_id"]}


if __name__ == "__main__":
    main()
