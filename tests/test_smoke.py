"""A live server answers: logins over JSON-RPC and the web client in Chromium."""
import os
import time

from conftest import ARTIFACTS, submit_login


def test_admin_and_employee_log_in_over_json_rpc(odoo_server):
    admin = odoo_server.session("admin", "admin")
    employee = odoo_server.session("demo", "demo")
    assert admin.uid != employee.uid
    # The plain employee is no administrator: creating users is refused.
    result = odoo_server.call_kw(employee, "res.users", "create",
                                 [{"name": "Intruder", "login": "intruder"}])
    assert "error" in result
    assert "AccessError" in result["error"]["data"]["name"]


def test_wrong_password_is_refused(odoo_server):
    r = __import__("requests").post(odoo_server.url + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call",
        "params": {"db": odoo_server.db, "login": "admin", "password": "wrong"}}, timeout=30)
    assert not r.json()["result"]["uid"]


def test_web_client_loads_without_javascript_errors(odoo_server, chromium):
    submit_login(chromium, odoo_server.url, "admin", "admin")
    # The web client is ready once its menu has been rendered.
    deadline = time.time() + 90
    while time.time() < deadline:
        if chromium.find_elements("css selector", "#oe_main_menu_navbar .oe_application_menu_placeholder li"):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the web client did not render its menu")
    time.sleep(1)
    os.makedirs(ARTIFACTS, exist_ok=True)
    chromium.save_screenshot(os.path.join(ARTIFACTS, "web-client.png"))
    errors = [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    # The stylesheets compiled (LESS): the navbar has its dark background.
    background = chromium.execute_script(
        "return getComputedStyle(document.getElementById('oe_main_menu_navbar')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background


def test_server_log_has_no_errors(odoo_server, test_db):
    """After the requests above, the server has logged no error: no orphan
    bridge addon ("Unmet dependencies"), no asset that failed to compile."""
    with open(odoo_server.logfile, errors="replace") as f:
        lines = [l for l in f if " %s " % test_db in l or " ? " in l]
    bad = [l for l in lines if " ERROR " in l or " CRITICAL " in l or "Unmet dependencies" in l
           or "Could not execute command" in l]
    assert lines, "the server logged nothing"
    assert not bad, bad[:5]
