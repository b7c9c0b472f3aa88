#!/usr/bin/env bash
# Builds everything the project runs on, skipping what is already built:
# Debian packages, the Python 3.7 venv (keyed on the requirement files),
# the LESS compiler from npm, and the generated odoo.conf.
source "$(dirname "$0")/common.sh"

DEBIAN_PACKAGES=(wkhtmltopdf chromium chromium-driver fonts-dejavu-core libpq-dev
                 libjpeg-dev zlib1g-dev libxml2-dev libxslt1-dev libldap2-dev
                 libsasl2-dev nginx-light poppler-utils)

find_python37() {
    local c
    for c in "${PYTHON37:-}" python3.7 "$(pyenv root 2>/dev/null)/versions/3.7"*/bin/python3.7 \
             /usr/local/bin/python3.7 /usr/bin/python3.7; do
        [ -n "$c" ] || continue
        if "$c" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null; then
            command -v "$c" || echo "$c"
            return 0
        fi
    done
    return 1
}

build_debian() {
    local missing=() p
    for p in "${DEBIAN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "Missing Debian packages (install them as root): ${missing[*]}"
        return 0
    fi
    log "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_venv() {
    local stamp want py new
    want="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-oca.txt" "$ROOT/scripts/build.sh" \
            "$ROOT/scripts/prune_addons.py" | sha256sum | cut -c1-16)"
    stamp="$VENV/.built-$want"
    [ -e "$stamp" ] && return 0
    py="$(find_python37)" || die "Python 3.7 not found. Odoo 11 runs on Python 3.7 only.
Install it with pyenv ('pyenv install 3.7.16') or set PYTHON37=/path/to/python3.7."
    mkdir -p "$STATE"
    exec 9> "$STATE/build.lock"
    flock 9                           # one build at a time
    [ -e "$stamp" ] && return 0       # built while we waited
    # Build beside the current venv and swap at the end, so that servers and
    # test runs still using the current one are not pulled from under them.
    new="$VENV.new"
    log "Building the Python 3.7 venv in .venv with $py"
    rm -rf "$new"
    "$py" -m venv "$new"
    "$new/bin/python" -m pip install -q --disable-pip-version-check "pip==23.3.2" "setuptools==57.5.0" "wheel==0.42.0"
    # Old sdists (vatnumber, suds-jurko) still use setuptools' use_2to3: build
    # them against the venv's setuptools 57 instead of an isolated newest one.
    "$new/bin/python" -m pip install -q --disable-pip-version-check --no-build-isolation -r "$ROOT/requirements.txt"
    "$new/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$ROOT/requirements-oca.txt"
    "$new/bin/python" "$ROOT/scripts/prune_addons.py"
    touch "$new/.built-$want"
    rm -rf "$VENV.old"
    [ -d "$VENV" ] && mv "$VENV" "$VENV.old"
    mv "$new" "$VENV"
    rm -rf "$VENV.old" &
}

build_lessc() {
    [ -x "$TOOLS/node/node_modules/.bin/lessc" ] && \
        [ "$("$TOOLS/node/node_modules/.bin/lessc" --version 2>/dev/null | awk '{print $2}')" = "$LESSC_VERSION" ] && return 0
    command -v npm >/dev/null || die "npm not found: install Node.js (apt-get install nodejs npm)."
    log "Installing the LESS compiler less@$LESSC_VERSION from npm"
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "less@$LESSC_VERSION" >/dev/null
}

build_conf() {
    mkdir -p "$STATE"
    local site
    site="$("$VENV/bin/python" -c 'import odoo, os; print(os.path.dirname(odoo.__file__))')"
    sed -e "s#@ROOT@#$ROOT#g" -e "s#@ODOO@#$site#g" -e "s#@STATE@#$STATE#g" \
        -e "s#@DB_HOST@#${PGHOST:-127.0.0.1}#g" -e "s#@DB_PORT@#${PGPORT:-5432}#g" \
        -e "s#@DB_USER@#${PGUSER:-$(id -un)}#g" \
        "$ROOT/odoo.conf" > "$CONF.tmp"
    mv "$CONF.tmp" "$CONF"
}

build_debian
build_venv
build_lessc
build_conf
