"""The test harness counts what ran, and the venv holds no orphan addons."""
import ast
import os
import sys

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import count_odoo_tests  # noqa: E402


LOG = """\
2026-12-04 10:00:00,000 1 INFO db_a odoo.modules.module: odoo.addons.x.tests.test_a running tests.
2026-12-04 10:00:01,000 1 INFO db_a odoo.addons.x.tests.test_a: Ran 3 tests in 0.5s
2026-12-04 10:00:01,000 1 ERROR db_a odoo.addons.x.tests.test_a: FAIL: test_one (odoo.addons.x.tests.test_a.T)
2026-12-04 10:00:01,000 1 ERROR db_a odoo.modules.module: Module x: 1 failures, 0 errors
2026-12-04 10:00:02,000 1 INFO db_a odoo.addons.y.tests.test_b: Ran 4 tests in 0.1s
2026-12-04 10:00:03,000 1 ERROR db_a odoo.modules.module: Can not `import odoo.addons.z.tests.test_c`.
Traceback (most recent call last):
2026-12-04 10:00:04,000 1 INFO other_db odoo.addons.w.tests.test_d: Ran 9 tests in 0.1s
"""


def test_counts_tests_failures_and_stray_errors(tmp_path):
    path = tmp_path / "odoo.log"
    path.write_text(LOG)
    assert count_odoo_tests.count(str(path), "db_a") == (7, 1, 1)


def test_an_empty_log_counts_nothing(tmp_path):
    path = tmp_path / "odoo.log"
    path.write_text("")
    assert count_odoo_tests.count(str(path), "db_a") == (0, 0, 0)


def test_every_installed_addon_has_its_dependencies():
    import odoo
    addons = os.path.join(os.path.dirname(odoo.__file__), "addons")
    names = {n for n in os.listdir(addons)
             if os.path.isfile(os.path.join(addons, n, "__manifest__.py"))}
    names |= {n for n in os.listdir(os.path.join(ROOT, "addons"))
              if os.path.isfile(os.path.join(ROOT, "addons", n, "__manifest__.py"))}
    orphans = {}
    for name in names:
        base = addons if os.path.isdir(os.path.join(addons, name)) else os.path.join(ROOT, "addons")
        with open(os.path.join(base, name, "__manifest__.py")) as f:
            depends = ast.literal_eval(f.read()).get("depends", [])
        missing = [d for d in depends if d not in names]
        if missing:
            orphans[name] = missing
    assert not orphans, orphans
