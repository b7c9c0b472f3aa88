# Two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
DB ?= pdam
PORT ?= 8069
ADDONS ?=

.PHONY: run test build db serve clean-db help cluster cluster-stop cluster-load cluster-failover cluster-pg-restart

help:
	@echo "make run                      build, create the demo database '$(DB)', serve on :$(PORT)"
	@echo "make test [ADDONS=\"a b\"]      the whole suite (or those addons' tests) on a throwaway database"
	@echo "make db DB=name [ADDONS=...]  create a database with those addons and demo data"
	@echo "make serve DB=name PORT=8075  serve an existing database"
	@echo "make build                    build the venv, LESS compiler and config only"

build:
	@bash scripts/build.sh

run: build
	@bash scripts/pg.sh
	@bash scripts/db.sh $(DB) $(ADDONS)
	@bash scripts/serve.sh $(DB) $(PORT)

test:
	@ADDONS="$(ADDONS)" bash scripts/test.sh

db: build
	@bash scripts/pg.sh
	@bash scripts/db.sh $(DB) $(ADDONS)

serve: build
	@bash scripts/pg.sh
	@bash scripts/serve.sh $(DB) $(PORT)

clean-db:
	@bash scripts/pg.sh
	@psql -X -q -h $${PGHOST:-127.0.0.1} -d postgres -c 'DROP DATABASE IF EXISTS "$(DB)"'
	@rm -rf .run/data/filestore/$(DB)

# Three Odoo nodes behind nginx on http://127.0.0.1:8060 (see README, "Cluster").
cluster: build
	@bash scripts/cluster.sh start $(DB)

cluster-stop:
	@bash scripts/cluster.sh stop $(DB)

cluster-load: cluster
	@.venv/bin/python bench/cluster_load.py --db $(DB)

cluster-failover: cluster
	@.venv/bin/python bench/cluster_load.py --db $(DB) --kill-node node2

cluster-pg-restart: cluster
	@.venv/bin/python bench/cluster_load.py --db $(DB) --restart-postgres
