"""Print the dependencies of the given project addons that are not project
addons themselves, comma-separated (what a test database needs installed
before the addons under test are installed with --test-enable)."""
import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(ROOT, "addons")


def manifest(name):
    path = os.path.join(ADDONS, name, "__manifest__.py")
    if not os.path.isfile(path):
        return None
    with open(path) as f:
        return ast.literal_eval(f.read())


def external_depends(names):
    seen, external, todo = set(), set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        data = manifest(name)
        if data is None:
            external.add(name)
            continue
        todo.extend(data.get("depends", []))
    return sorted(external)


if __name__ == "__main__":
    print(",".join(external_depends(sys.argv[1:]) or ["base"]))
