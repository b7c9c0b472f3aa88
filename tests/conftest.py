"""Fixtures for tests that need a running Odoo server.

`make test` creates the test database, installs every project addon in it and
passes its name in TEST_DB and the generated config in ODOO_CONF.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "artifacts")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OdooServer:
    """An Odoo server process on a free port, serving one database."""

    def __init__(self, db, conf, extra_args=(), name="server"):
        self.db = db
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.logfile = os.path.join(ARTIFACTS, "%s-%d.log" % (name, self.port))
        cmd = [sys.executable, os.path.join(ROOT, "scripts", "odoo-bin"), "-c", conf,
               "-d", db, "--db-filter=^%s$" % db, "--http-port=%d" % self.port,
               "--longpolling-port=%d" % free_port(), "--max-cron-threads=0",
               "--logfile=%s" % self.logfile] + list(extra_args)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        self.wait_ready()

    def wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        # In threaded mode the first HTTP request imports every addon's
        # Python package; sent while the registry is still loading, it can
        # race the loading. Ask only once the database's modules are loaded.
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("Odoo exited with %s; see %s" % (self.proc.returncode, self.logfile))
            if os.path.exists(self.logfile):
                with open(self.logfile, errors="replace") as f:
                    if "Modules loaded." in f.read():
                        break
            time.sleep(0.2)
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("Odoo exited with %s; see %s" % (self.proc.returncode, self.logfile))
            try:
                if requests.get(self.url + "/web/login", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("Odoo did not answer within %ss; see %s" % (timeout, self.logfile))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def session(self, login, password):
        """A requests session logged in over JSON-RPC."""
        s = requests.Session()
        r = s.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"db": self.db, "login": login, "password": password}}, timeout=30)
        r.raise_for_status()
        body = r.json()
        assert "error" not in body, body.get("error")
        assert body["result"]["uid"], "login %s refused" % login
        s.uid = body["result"]["uid"]
        return s

    def call_kw(self, session, model, method, args=(), kwargs=None):
        r = session.post(self.url + "/web/dataset/call_kw", json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"model": model, "method": method, "args": list(args),
                       "kwargs": kwargs or {}}}, timeout=60)
        r.raise_for_status()
        return r.json()


def submit_login(driver, url, login, password):
    """Log in through the login page of the server at ``url``."""
    driver.delete_all_cookies()
    driver.get(url + "/web/login")
    driver.find_element("name", "login").send_keys(login)
    driver.find_element("name", "password").send_keys(password)
    driver.find_element("css selector", "form.oe_login_form button[type=submit]").click()


@pytest.fixture(scope="session")
def test_db():
    db = os.environ.get("TEST_DB")
    if not db:
        pytest.fail("TEST_DB is not set: run the suite with `make test`")
    return db


@pytest.fixture(scope="session")
def odoo_conf():
    return os.environ.get("ODOO_CONF") or os.path.join(ROOT, ".run", "odoo.conf")


@pytest.fixture(scope="session")
def odoo_server(test_db, odoo_conf):
    server = OdooServer(test_db, odoo_conf)
    yield server
    server.stop()


@pytest.fixture
def chromium():
    """A headless Chromium driven through Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        pytest.fail("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=%s" % profile):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
