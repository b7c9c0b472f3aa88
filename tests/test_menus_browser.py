"""Every menu of the project's addons opens in the web client, in each of its
views, and the first record of its list opens in a form: no error dialog, no
JavaScript error. As the administrator, addon by addon, and as each demo user
for the menus that user sees, on the demo data of `make test`."""
import os
import re
import time

import pytest

from conftest import ROOT, submit_login



def _addons_with_menus():
    found = []
    for name in sorted(os.listdir(os.path.join(ROOT, "addons"))):
        for folder, _dirs, files in os.walk(os.path.join(ROOT, "addons", name)):
            if any(f.endswith(".xml") and "<menuitem" in open(os.path.join(folder, f)).read()
                   for f in files):
                found.append(name)
                break
    return found


ADDONS = _addons_with_menus()


def _demo_users():
    """(login, password) of the users the addons' demo data creates."""
    users = [("demo", "demo")]
    for name in sorted(os.listdir(os.path.join(ROOT, "addons"))):
        folder = os.path.join(ROOT, "addons", name, "demo")
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            if f.endswith(".xml"):
                text = open(os.path.join(folder, f)).read()
                users += re.findall(r'<field name="login">([^<]+)</field>\s*'
                                    r'<field name="password">([^<]+)</field>', text)
    return users


DEMO_USERS = _demo_users()

# Counts the requests in flight (not the bus's long polling), so that a step
# is over when none is left.
TRACK_REQUESTS = """
if (!window.__pending_hooked) {
    window.__pending_hooked = true;
    window.__pending = 0;
    var open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
        this.__url = String(url);
        return open.apply(this, arguments);
    };
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function () {
        if (this.__url && this.__url.indexOf('/longpolling/') !== -1) {
            return send.apply(this, arguments);  // the bus waits for news by design
        }
        window.__pending++;
        this.addEventListener('loadend', function () { window.__pending--; });
        return send.apply(this, arguments);
    };
}
"""
ERROR_DIALOGS = ".modal .o_dialog_error, .modal .o_dialog_warning"


def _menus(odoo_server, session, addons, visible_to=None):
    """(xml id, menu id, action id, action) of the addons' menus that open an
    action; action is the window action's views ("tree,form") or the
    address of a URL action. With ``visible_to`` (a logged-in session),
    only the menus that user sees."""
    data = odoo_server.call_kw(session, "ir.model.data", "search_read", [[
        ("model", "=", "ir.ui.menu"), ("module", "in", addons)]],
        {"fields": ["module", "name", "res_id"]})["result"]
    ids = {row["res_id"]: "%s.%s" % (row["module"], row["name"]) for row in data}
    if visible_to is not None:
        seen = odoo_server.call_kw(visible_to, "ir.ui.menu", "load_menus", [False])["result"]
        shown, stack = set(), [seen]
        while stack:
            node = stack.pop()
            shown.add(node["id"])
            stack.extend(node.get("children") or [])
        ids = {k: v for k, v in ids.items() if k in shown}
    menus = odoo_server.call_kw(session, "ir.ui.menu", "read", [list(ids)],
                                {"fields": ["action"]})["result"] if ids else []
    actions = {}  # model -> ids; "ir.actions.act_window,42" or False per menu
    for menu in menus:
        if menu["action"]:
            model, action_id = menu["action"].split(",")
            actions.setdefault(model, set()).add(int(action_id))
    details = {}  # (model, id) -> views or address, read once per action model
    for model, action_ids in actions.items():
        field = {"ir.actions.act_window": "view_mode", "ir.actions.act_url": "url"}.get(model)
        if field:
            for row in odoo_server.call_kw(session, model, "read", [sorted(action_ids)],
                                           {"fields": [field]})["result"]:
                details[model, row["id"]] = row[field]
    found = []
    for menu in menus:
        if menu["action"]:
            model, action_id = menu["action"].split(",")
            found.append((ids[menu["id"]], menu["id"], int(action_id), model,
                          details.get((model, int(action_id)), "")))
    return sorted(found)


def _settle(driver, timeout=60):
    """Wait until no request has been in flight for a moment."""
    deadline = time.time() + timeout
    quiet = 0
    while time.time() < deadline:
        if driver.execute_script("return window.__pending || 0") == 0:
            quiet += 1
            if quiet >= 4:
                return
        else:
            quiet = 0
        time.sleep(0.1)
    raise AssertionError("the web client was still loading after %ss" % timeout)


def _problems(driver, where):
    found = []
    for dialog in driver.find_elements("css selector", ERROR_DIALOGS):
        found.append("%s: error dialog: %s" % (where, dialog.text[:300]))
    if found:
        driver.execute_script("$('.modal').modal('hide'); $('.modal, .modal-backdrop').remove();")
    for entry in driver.get_log("browser"):
        # the attendance page asks for the position; this machine has no
        # network location service to answer Chromium
        if entry["level"] == "SEVERE" and "Network location provider" not in entry["message"]:
            found.append("%s: %s" % (where, entry["message"][:300]))
    return found


def _login(odoo_server, driver, login="admin", password="admin"):
    submit_login(driver, odoo_server.url, login, password)
    deadline = time.time() + 90
    while not driver.find_elements("css selector", "#oe_main_menu_navbar"):
        assert time.time() < deadline, "the web client did not start"
        time.sleep(0.3)
    driver.execute_script(TRACK_REQUESTS)
    _settle(driver)


def _walk(odoo_server, driver, menus, login="admin", password="admin"):
    """Open each menu, each of its views and the first record of its list;
    return the problems seen and how many screens were opened."""
    _login(odoo_server, driver, login, password)
    problems = []
    opened = 0
    for xmlid, menu_id, action_id, model, what in menus:
        if model == "ir.actions.act_url":
            # a page of its own, outside the web client
            driver.get(odoo_server.url + what if what.startswith("/") else what)
            time.sleep(1)
            problems += _problems(driver, xmlid)
            opened += 1
            driver.get(odoo_server.url + "/web")
            driver.execute_script(TRACK_REQUESTS)
            _settle(driver)
            continue
        driver.execute_script("window.location.hash = arguments[0];",
                              "menu_id=%d&action=%d" % (menu_id, action_id))
        _settle(driver)
        problems += _problems(driver, xmlid)
        opened += 1
        switches = driver.find_elements("css selector", ".o_cp_switch_buttons button")
        for view_type in [b.get_attribute("data-view-type") for b in switches]:
            button = driver.find_elements(
                "css selector", ".o_cp_switch_buttons button[data-view-type=%s]" % view_type)
            if not button or not button[0].is_displayed():
                continue
            button[0].click()
            _settle(driver)
            problems += _problems(driver, "%s (%s)" % (xmlid, view_type))
            opened += 1
            if view_type == "list" and "form" in what.split(","):
                rows = driver.find_elements("css selector", ".o_list_view .o_data_row")
                editable = driver.find_elements("css selector", ".o_list_view .o_editable_list")
                if rows and not editable:
                    rows[0].click()
                    _settle(driver)
                    problems += _problems(driver, "%s (first record)" % xmlid)
                    opened += 1
                    if not driver.find_elements("css selector", ".o_form_view"):
                        problems.append("%s: the first record did not open in a form" % xmlid)
    return problems, opened


@pytest.mark.parametrize("addon", ADDONS)
def test_every_menu_opens_in_every_view(odoo_server, chromium, addon):
    admin = odoo_server.session("admin", "admin")
    menus = _menus(odoo_server, admin, [addon])
    assert menus, "no menu of %s opens an action" % addon
    problems, opened = _walk(odoo_server, chromium, menus)
    assert not problems, "\n".join(problems)
    assert opened > len(menus)


@pytest.mark.parametrize("login,password", DEMO_USERS)
def test_each_demo_user_opens_the_menus_they_see(odoo_server, chromium, login, password):
    """What a user is shown, they may open: no access error behind a menu."""
    admin = odoo_server.session("admin", "admin")
    user = odoo_server.session(login, password)
    menus = _menus(odoo_server, admin, ADDONS, visible_to=user)
    problems, opened = _walk(odoo_server, chromium, menus, login, password)
    assert not problems, "\n".join(problems)
    assert opened >= len(menus)
