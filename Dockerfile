# Odoo 11.0 + OCA 11.0 + the project addons, from the same pinned requirements
# that `make run` uses on a Debian machine.
FROM python:3.7-slim-bookworm

ENV TZ=UTC LANG=C.UTF-8 PYTHONUNBUFFERED=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential libpq-dev libjpeg-dev zlib1g-dev libxml2-dev libxslt1-dev \
      libldap2-dev libsasl2-dev wkhtmltopdf fonts-dejavu-core postgresql-client \
      nodejs npm curl \
 && npm install -g less@3.0.4 \
 && rm -rf /var/lib/apt/lists/* /root/.npm

WORKDIR /opt/pdam
COPY requirements.txt requirements-oca.txt ./
COPY scripts/odoo-bin scripts/prune_addons.py scripts/
RUN pip install --no-cache-dir pip==23.3.2 setuptools==57.5.0 wheel==0.42.0 \
 && pip install --no-cache-dir --no-build-isolation -r requirements.txt \
 && pip install --no-cache-dir --no-deps -r requirements-oca.txt \
 && python scripts/prune_addons.py

COPY addons ./addons
COPY docker/odoo.conf /etc/odoo/odoo.conf
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
RUN useradd --system --home /var/lib/odoo --create-home odoo \
 && chmod +x /usr/local/bin/entrypoint.sh
USER odoo
VOLUME ["/var/lib/odoo"]
EXPOSE 8069 8072
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
