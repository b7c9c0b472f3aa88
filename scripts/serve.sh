#!/usr/bin/env bash
# Usage: serve.sh DB [PORT]
# Serves an existing database in the foreground on http://127.0.0.1:PORT.
source "$(dirname "$0")/common.sh"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"
db="${1:?usage: serve.sh DB [PORT]}"
port="${2:-8069}"
db_exists "$db" || die "Database $db does not exist: create it with 'make db DB=$db'"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "Port $port is taken: stop what listens there, or serve on another port (make serve DB=$db PORT=8075)"
fi
cat <<MSG

  Odoo is starting on  http://127.0.0.1:$port   (database $db; Ctrl-C stops it)

  Logins (every demo user's password is its login):
$(psql -X -q -t -A -d "$db" -c "SELECT '    ' || rpad(u.login, 14) || p.name FROM res_users u
      JOIN res_partner p ON p.id = u.partner_id
      WHERE u.active AND u.login NOT IN ('__system__', 'portaltemplate', 'public')
        AND u.share IS NOT TRUE ORDER BY u.id LIMIT 25")

MSG
exec "$VENV/bin/python" "$ROOT/scripts/odoo-bin" -c "$CONF" -d "$db" --db-filter="^$db\$" \
    --http-port="$port" --longpolling-port="$((port + 3))"
