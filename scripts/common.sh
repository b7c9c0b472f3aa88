# Shared settings for the project's scripts. Source it; do not run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STATE="$ROOT/.run"              # generated config, logs, filestore (git-ignored)
TOOLS="$ROOT/.tools"            # npm-installed LESS compiler (git-ignored)
CONF="$STATE/odoo.conf"
LESSC_VERSION="3.0.4"
# Installed in every database the scripts create: hr (every addon's users are
# employees), web_editor (Odoo 11's portal compiles its stylesheets with
# web_editor's LESS variables without depending on it: without it the public
# pages' stylesheet fails to compile).
BASE_ADDONS="hr,web_editor"
export TZ=UTC
export PATH="$TOOLS/node/node_modules/.bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

odoo_bin() { "$VENV/bin/python" "$ROOT/scripts/odoo-bin" -c "$CONF" "$@"; }

# Project addons: every folder under addons/ with a manifest, in name order.
project_addons() {
    local d
    for d in "$ROOT"/addons/*/__manifest__.py; do
        [ -e "$d" ] && basename "$(dirname "$d")"
    done
}

psql_q() { psql -X -q -t -A -d postgres "$@"; }
db_exists() { [ "$(psql_q -c "SELECT 1 FROM pg_database WHERE datname='$1'")" = "1" ]; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
