#!/usr/bin/env bash
# Makes sure PostgreSQL is reachable for the project:
# 1. PGHOST/PGPORT/PGUSER when set and reachable;
# 2. else the local Debian cluster, started when stopped, with a superuser role
#    for the current OS user (Odoo refuses to run as "postgres");
# 3. else a clear message saying what to install.
source "$(dirname "$0")/common.sh"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"

reachable() { psql -X -q -t -A -d postgres -c 'SELECT 1' >/dev/null 2>&1; }

command -v psql >/dev/null || die "PostgreSQL client not found. Install PostgreSQL 15: apt-get install postgresql"
reachable && exit 0

if [ "$PGHOST" = 127.0.0.1 ] || [ "$PGHOST" = localhost ]; then
    if command -v pg_lsclusters >/dev/null; then
        read -r ver name status < <(pg_lsclusters -h | awk '{print $1, $2, $4}' | head -1) || true
        if [ -n "${ver:-}" ] && [ "$status" != online ]; then
            log "Starting PostgreSQL cluster $ver/$name"
            pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
            for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
        fi
        if ! reachable && pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
            log "Creating PostgreSQL role $PGUSER"
            runuser -u postgres -- createuser -s "$PGUSER" 2>/dev/null || \
                su postgres -c "createuser -s $PGUSER" || true
        fi
    fi
fi
reachable || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER.
Install and start it (apt-get install postgresql; pg_ctlcluster 15 main start),
or point PGHOST/PGPORT/PGUSER at a server where $PGUSER is a superuser."
