#!/bin/sh
# Waits for PostgreSQL, creates the database with every project addon on first
# start (demo data when DEMO=1), then runs Odoo.
set -eu
: "${DB_NAME:=pdam}" "${DB_HOST:=db}" "${DB_PORT:=5432}" "${DB_USER:=odoo}" "${DB_PASSWORD:=odoo}"
export PGPASSWORD="$DB_PASSWORD"
until pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER"; do sleep 1; done

# Per-container settings: the server name counted by the visit counters, and
# the database manager's password.
conf=/tmp/odoo.conf
cp /etc/odoo/odoo.conf "$conf"
echo "server_name = ${SERVER_NAME:-$(hostname)}" >> "$conf"
[ -n "${ADMIN_PASSWD:-}" ] && echo "admin_passwd = $ADMIN_PASSWD" >> "$conf"
[ -n "${MAX_CRON_THREADS:-}" ] && echo "max_cron_threads = $MAX_CRON_THREADS" >> "$conf"

args="-c $conf --db_host=$DB_HOST --db_port=$DB_PORT --db_user=$DB_USER \
      --db_password=$DB_PASSWORD -d $DB_NAME --db-filter=^$DB_NAME\$"
if ! psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
    addons=$(ls -d /opt/pdam/addons/*/__manifest__.py 2>/dev/null | xargs -rn1 dirname | xargs -rn1 basename | paste -sd, -)
    demo=""
    [ "${DEMO:-0}" = 1 ] && demo="--without-demo="
    python /opt/pdam/scripts/odoo-bin $args -i "${addons:+$addons,}hr,web_editor" $demo --load-language=id_ID --stop-after-init
fi
exec python /opt/pdam/scripts/odoo-bin $args
