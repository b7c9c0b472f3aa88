#!/usr/bin/env bash
# Usage: db.sh DB [ADDON ...]
# Creates database DB with the given addons (default: every project addon) and
# their demo data, installs Indonesian and makes it the users' language.
# Does nothing when DB already exists.
source "$(dirname "$0")/common.sh"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"

db="${1:?usage: db.sh DB [ADDON ...]}"; shift
addons=("$@")
[ ${#addons[@]} -gt 0 ] || mapfile -t addons < <(project_addons)
[ ${#addons[@]} -gt 0 ] || addons=(base)

if db_exists "$db"; then
    log "Database $db exists: reusing it"
    exit 0
fi
list="$(IFS=,; echo "${addons[*]}"),$BASE_ADDONS"
log "Creating database $db with $list and demo data"
start=$(date +%s)
mkdir -p "$STATE/log"
if ! odoo_bin -d "$db" -i "$list" --without-demo= --load-language=id_ID \
        --stop-after-init --http-port=0 --logfile="$STATE/log/db-$db.log"; then
    tail -40 "$STATE/log/db-$db.log" >&2
    die "Creating $db failed; the whole log is $STATE/log/db-$db.log"
fi
if grep -q " ERROR $db " "$STATE/log/db-$db.log"; then
    grep " ERROR $db " "$STATE/log/db-$db.log" | head -20 >&2
    die "Creating $db logged errors; the whole log is $STATE/log/db-$db.log"
fi
psql -X -q -d "$db" -c "UPDATE res_partner SET lang = 'id_ID'
                        WHERE id IN (SELECT partner_id FROM res_users)" >/dev/null
log "Database $db created in $(( $(date +%s) - start )) s"
