"""How long `make run` takes until the login page answers.

Cold: a fresh clone with nothing built (venv, LESS compiler, config, database).
Warm: the same clone run again (everything reused).
Also prints the database creation time that `make run` reported.

    .venv/bin/python bench/platform_make_run.py

The pip and npm download caches of the machine are used as they are; the
Debian packages are taken as installed.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_run(clone, db, port, timeout=3600):
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    start = time.time()
    logfile = os.path.join(clone, "make-run-%d.log" % port)
    with open(logfile, "w") as out:
        proc = subprocess.Popen(["make", "run", "DB=%s" % db, "PORT=%d" % port], cwd=clone,
                                stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, env=env)

    def output():
        with open(logfile, errors="replace") as f:
            return f.read()

    try:
        while time.time() - start < timeout:
            if proc.poll() is not None:
                raise RuntimeError("make run stopped:\n" + output()[-3000:])
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/web/login" % port, timeout=5) as r:
                    if r.status == 200:
                        return time.time() - start, output()
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("no login page within %ss" % timeout)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()


def main():
    tmp = tempfile.mkdtemp(prefix="pdam-bench-")
    clone = os.path.join(tmp, "main")
    db = "bench_make_run_%d" % os.getpid()
    subprocess.check_call(["git", "clone", "-q", ROOT, clone])
    try:
        cold, out = make_run(clone, db, free_port())
        created = re.search(r"Database %s created in (\d+) s" % db, out)
        warm, _ = make_run(clone, db, free_port())
        print("make run, cold (fresh clone, no venv, no database): %7.1f s" % cold)
        print("  of which database creation:                      %7s s"
              % (created.group(1) if created else "?"))
        print("make run, warm (built clone, database exists):     %7.1f s" % warm)
        print("ratio cold/warm:                                   %7.1f" % (cold / warm))
    finally:
        subprocess.call(["make", "clean-db", "DB=%s" % db], cwd=clone,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
