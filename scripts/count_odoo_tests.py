"""Count tests in an Odoo 11 --test-enable log.

Prints "RAN FAILED LOG_ERRORS": tests run (sum of unittest's "Ran N tests"),
failures and errors (from "Module X: N failures, M errors"), and ERROR or
CRITICAL lines logged outside the test runner's own output (a test module that
failed to import, a module that failed to load) which would otherwise pass
unnoticed.
"""
import re
import sys

LINE = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ \d+ (?P<level>\w+) (?P<db>\S+) (?P<logger>[\w.]+): (?P<msg>.*)")
RAN = re.compile(r"^Ran (\d+) tests? in")
MODULE_FAILED = re.compile(r"^Module \S+: (\d+) failures, (\d+) errors")


def count(path, db):
    ran = failed = log_errors = 0
    with open(path, errors="replace") as f:
        for raw in f:
            m = LINE.match(raw)
            if not m or m.group("db") != db:
                continue
            msg = m.group("msg")
            r = RAN.match(msg)
            if r:
                ran += int(r.group(1))
                continue
            r = MODULE_FAILED.match(msg)
            if r:
                failed += int(r.group(1)) + int(r.group(2))
                continue
            if m.group("level") in ("ERROR", "CRITICAL") and ".tests." not in m.group("logger") + ".":
                log_errors += 1
    return ran, failed, log_errors


if __name__ == "__main__":
    print(*count(sys.argv[1], sys.argv[2]))
