#!/usr/bin/env bash
# The whole suite on a throwaway database that is created and dropped here:
# 1. the project addons (all, or $ADDONS) installed with --test-enable, after
#    their outside dependencies were installed without tests;
# 2. the top-level tests/ through pytest against that database (whole-suite
#    runs only, i.e. when $ADDONS is empty).
# Last line: "N passed, M failed". Exits non-zero on any failure, and when no
# test ran at all.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/build.sh"
bash "$ROOT/scripts/pg.sh"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"

DB="pdam_test_$(date +%s)_$$"
ART="$ROOT/artifacts"
mkdir -p "$ART" "$STATE/log"

cleanup() {
    [ -n "${KEEP_DB:-}" ] && { log "Keeping database $DB"; return; }
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
    rm -rf "$STATE/data/filestore/$DB"
}
trap cleanup EXIT

if [ -n "${ADDONS:-}" ]; then
    read -r -a addons <<< "$ADDONS"
    run_pytest=0
else
    mapfile -t addons < <(project_addons)
    run_pytest=1
fi
label="$( [ -n "${ADDONS:-}" ] && echo "${addons[*]}" | tr ' ' '-' || echo all)"
LOG="$ART/odoo-test-$label.log"
# Odoo appends to its log file: start both logs of this run empty.
: > "$LOG"
: > "$ART/odoo-deps-$label.log"
for a in "${addons[@]}"; do
    [ -f "$ROOT/addons/$a/__manifest__.py" ] || die "No project addon named '$a' under addons/"
done

odoo_ran=0 odoo_failed=0 py_passed=0 py_failed=0
# Database with the outside dependencies, and the base set that every project
# database gets (see BASE_ADDONS in common.sh).
deps="$("$VENV/bin/python" "$ROOT/scripts/addon_deps.py" "${addons[@]}"),$BASE_ADDONS"
log "Test database $DB: installing dependencies $deps"
odoo_bin -d "$DB" -i "$deps" --without-demo= --load-language=id_ID --stop-after-init \
    --no-http --logfile="$ART/odoo-deps-$label.log" || {
        tail -30 "$ART/odoo-deps-$label.log" >&2; die "Installing dependencies failed"; }
if grep -E " (ERROR|CRITICAL) " "$ART/odoo-deps-$label.log" | head -5 | grep .; then
    die "Installing dependencies logged errors (artifacts/odoo-deps-$label.log)"
fi

if [ ${#addons[@]} -gt 0 ]; then
    list="$(IFS=,; echo "${addons[*]}")"
    log "Installing and testing $list"
    set +e
    odoo_bin -d "$DB" -i "$list" --without-demo= --test-enable --stop-after-init \
        --http-port="$(free_port)" --longpolling-port="$(free_port)" --log-level=test --logfile="$LOG"
    rc=$?
    set -e
    read -r odoo_ran odoo_failed log_errors < <("$VENV/bin/python" "$ROOT/scripts/count_odoo_tests.py" "$LOG" "$DB")
    grep -E " (ERROR|CRITICAL) $DB " "$LOG" | cut -c1-400 | head -60 || true
    if [ "$rc" != 0 ] && [ "$odoo_failed" = 0 ]; then
        log "Odoo exited with status $rc"; odoo_failed=1
    fi
    if [ "$log_errors" != 0 ]; then
        log "$log_errors error lines logged outside the test results (counted as failures)"
        odoo_failed=$((odoo_failed + log_errors))
    fi
    odoo_passed=$((odoo_ran > odoo_failed ? odoo_ran - odoo_failed : 0))
    log "Addon tests: $odoo_ran run, $odoo_failed failed (log: ${LOG#$ROOT/})"
else
    odoo_passed=0
fi

if [ "$run_pytest" = 1 ] && [ -d "$ROOT/tests" ]; then
    log "Running tests/ with pytest"
    set +e
    TEST_DB="$DB" ODOO_CONF="$CONF" "$VENV/bin/python" -m pytest "$ROOT/tests" -p no:cacheprovider \
        -q -rfEs --junitxml="$ART/pytest.xml"
    set -e
    read -r py_passed py_failed < <("$VENV/bin/python" - "$ART/pytest.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1)
    raise SystemExit
suites = [root] if root.tag == "testsuite" else list(root)
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get(k, 0)) for s in suites for k in ("failures", "errors", "skipped"))
print(tests - bad, bad)
PY
)
fi

passed=$((odoo_passed + py_passed))
failed=$((odoo_failed + py_failed))
if [ $((passed + failed)) = 0 ]; then
    echo "No test ran: this counts as a failure."
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
