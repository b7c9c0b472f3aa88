"""docker-compose.yml, the Dockerfile and the nginx configuration fit together.

Docker does not run on the project's build machines, so these checks read the
files: every file they reference exists, and the proxy routes what Odoo needs.
"""
import configparser
import os
import re

import yaml

from conftest import ROOT


def load_compose():
    with open(os.path.join(ROOT, "docker-compose.yml")) as f:
        return yaml.safe_load(f)


def dockerfile_copies(path):
    sources = []
    with open(path) as f:
        for line in f:
            m = re.match(r"^\s*COPY\s+(?!--from)(.+)$", line)
            if m:
                parts = m.group(1).split()
                sources.extend(p for p in parts[:-1] if not p.startswith("--"))
    return sources


def test_every_referenced_file_exists():
    compose = load_compose()
    missing = []
    for name, service in compose["services"].items():
        build = service.get("build")
        if build:
            context = os.path.join(ROOT, build["context"] if isinstance(build, dict) else build)
            dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile")
                                      if isinstance(build, dict) else "Dockerfile")
            for path in (context, dockerfile):
                if not os.path.exists(path):
                    missing.append((name, path))
            for source in dockerfile_copies(dockerfile):
                if not os.path.exists(os.path.join(context, source)):
                    missing.append((name, source))
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                if not os.path.exists(os.path.join(ROOT, source)):
                    missing.append((name, source))
            else:
                assert source in compose.get("volumes", {}), "undeclared named volume %s" % source
    assert not missing, missing


def test_stack_has_database_odoo_and_proxy():
    services = load_compose()["services"]
    images = {name: s.get("image", "") for name, s in services.items()}
    assert any(i.startswith("postgres:15") for i in images.values()), images
    assert any(i.startswith("nginx") for i in images.values()), images
    odoo = [n for n, s in services.items() if s.get("build")]
    assert odoo, "no service builds the Odoo image"
    volumes = [v.split(":")[1] for n in odoo for v in services[n].get("volumes", [])]
    assert "/var/lib/odoo" in volumes, "the filestore is not on a volume"


def test_proxy_routes_longpolling_and_sets_proxy_headers():
    services = load_compose()["services"]
    with open(os.path.join(ROOT, "docker", "nginx.conf")) as f:
        nginx = f.read()
    upstream_hosts = set(re.findall(r"server\s+([\w-]+):\d+", nginx))
    assert upstream_hosts and upstream_hosts <= set(services), upstream_hosts
    assert re.search(r"location /longpolling\s*{\s*proxy_pass http://\w+", nginx)
    for header in ("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto"):
        assert header in nginx
    conf = configparser.ConfigParser()
    conf.read(os.path.join(ROOT, "docker", "odoo.conf"))
    assert conf.getboolean("options", "proxy_mode")
    assert conf.getint("options", "workers") > 0, "longpolling needs multi-worker mode"
    assert "/opt/pdam/addons" in conf.get("options", "addons_path")


def test_image_uses_the_same_pinned_requirements():
    with open(os.path.join(ROOT, "Dockerfile")) as f:
        dockerfile = f.read()
    assert dockerfile.startswith("#") and "FROM python:3.7" in dockerfile
    for name in ("requirements.txt", "requirements-oca.txt"):
        assert "-r %s" % name in dockerfile
        with open(os.path.join(ROOT, name)) as f:
            pins = [l for l in f if l.strip() and not l.startswith("#")]
        assert pins and all("==" in l for l in pins), name


def test_compose_runs_the_same_topology_as_make_cluster():
    """Three Odoo nodes (node1..node3, only node1 running the scheduled jobs)
    behind least-connections nginx, like scripts/cluster.sh."""
    services = load_compose()["services"]
    nodes = {n: s for n, s in services.items() if s.get("build")}
    names = sorted(s["environment"]["SERVER_NAME"] for s in nodes.values())
    assert names == ["node1", "node2", "node3"]
    crons = {s["environment"]["SERVER_NAME"]: s["environment"]["MAX_CRON_THREADS"]
             for s in nodes.values()}
    assert crons == {"node1": "1", "node2": "0", "node3": "0"}
    volumes = {v for s in nodes.values() for v in s["volumes"] if v.endswith(":/var/lib/odoo")}
    assert len(volumes) == 1, "the nodes must share one filestore"
    with open(os.path.join(ROOT, "docker", "nginx.conf")) as f:
        nginx = f.read()
    with open(os.path.join(ROOT, "scripts", "cluster.sh")) as f:
        cluster = f.read()
    for directive in ("least_conn", "max_fails=1 fail_timeout=5s",
                      "proxy_next_upstream error timeout http_502 http_503 non_idempotent",
                      "location /longpolling"):
        assert directive in nginx and directive in cluster, directive
    assert set(re.findall(r"server\s+(odoo\d):8069", nginx)) == set(nodes)
