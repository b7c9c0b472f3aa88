"""Visit statistics for 3 servers from 1,000,000 raw access-log events.

Generates a month of combined-log-format lines (September 2024) for three
servers, turns them into visits per server per day (30-minute session gap)
and computes the report's statistics. Prints the figures and the timings.
Run from the repository root: .venv/bin/python bench/billing_visits.py
"""
import datetime
import importlib
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'addons', 'vendor_billing'))
accesslog = importlib.import_module('tools.accesslog')
visitstats = importlib.import_module('tools.visitstats')

EVENTS = int(os.environ.get('EVENTS', 1000000))
SERVERS = [('node1', 0.6), ('node2', 0.1), ('node3', 0.3)]


def generate(count, seed):
    """Sorted log lines of one server for September 2024."""
    rnd = random.Random(seed)
    start = datetime.date(2024, 9, 1)
    weekdays = [d for d in range(30)
                if (start + datetime.timedelta(days=d)).weekday() < 5]
    randrange, choice, rand = rnd.randrange, rnd.choice, rnd.random
    stamps = []
    for _i in range(count):
        # nine requests in ten fall on working days
        day = choice(weekdays) if rand() < 0.9 else randrange(30)
        stamps.append((day * 86400 + randrange(7 * 3600, 17 * 3600),
                       randrange(400)))
    stamps.sort()
    lines = []
    append = lines.append
    for offset, client in stamps:
        day, rest = divmod(offset, 86400)
        hour, rest = divmod(rest, 3600)
        append('10.1.%d.%d - - [%02d/Sep/2024:%02d:%02d:%02d +0700] '
               '"GET /web HTTP/1.1" 200 %d "-" "Mozilla/5.0 (%d)"' % (
                   client // 250, client % 250, day + 1, hour, rest // 60,
                   rest % 60, 512 + client, client % 7))
    for i in range(0, len(lines), 10000):
        lines[i] = 'garbage line %d' % i
    return lines


def main():
    logs = {}
    t0 = time.time()
    for index, (name, share) in enumerate(SERVERS):
        logs[name] = generate(int(EVENTS * share), index)
    generated = time.time() - t0
    t0, c0 = time.time(), time.process_time()
    results = {name: accesslog.count_visits(lines) for name, lines in logs.items()}
    parsed, parsed_cpu = time.time() - t0, time.process_time() - c0
    t0 = time.time()
    month = datetime.date(2024, 9, 1)
    stats = {name: visitstats.visit_stats(visitstats.month_series(month, r.visits))
             for name, r in results.items()}
    texts = {name: visitstats.analysis_paragraphs(name, month, s)
             for name, s in stats.items()}
    summary = visitstats.servers_summary(
        {n: s['total'] for n, s in stats.items()}, [n for n, _s in SERVERS])
    computed = time.time() - t0
    total_lines = sum(len(lines) for lines in logs.values())
    print('events (log lines): %d over %d servers' % (total_lines, len(SERVERS)))
    for name, result in results.items():
        s = stats[name]
        print('  %s: %s; total %d, daily avg %.2f, weekday avg %.2f, '
              'weekend avg %.2f, zero days %d' % (
                  name, result.summary(), s['total'], s['daily_avg'],
                  s['weekday_avg'], s['weekend_avg'], len(s['zero_days'])))
    print('  %s' % summary[-1])
    print('analysis paragraphs: %d' % sum(len(t) for t in texts.values()))
    print('generate log lines: %.2f s' % generated)
    print('parse to visits per server per day: %.2f s (%.0f lines/s)' % (
        parsed, total_lines / parsed))
    print('statistics and analysis text: %.3f s' % computed)
    print('parse CPU time: %.2f s (the machine is shared; wall time varies)'
          % parsed_cpu)
    print('parse + statistics: %.2f s (aim: under 5 s)' % (parsed + computed))


if __name__ == '__main__':
    main()
