"""Web-server access logs (combined log format) to visits per day.

A visit is one client's (address + user agent) run of requests whose gaps are
shorter than the session gap (30 minutes); it is counted on the day of its
first request, in the log's own time zone. Lines that do not parse are
counted, skipped and reported with a few samples.
"""
import datetime
import re

LINE_RE = re.compile(
    r'(\S+) \S+ \S+ \[(\d{2})/(\w{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2}) [+-]\d{4}\] '
    r'"[^"]*" \d{3} \S+(?: "[^"]*" "([^"]*)")?')
MONTHS = {m: i + 1 for i, m in enumerate(
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
     'Nov', 'Dec'])}
SESSION_GAP = 30 * 60


class LogResult(object):
    def __init__(self):
        self.visits = {}
        self.lines = 0
        self.requests = 0
        self.garbage = 0
        self.garbage_samples = []

    def summary(self):
        return ('%d lines, %d requests, %d visits, %d unreadable lines skipped'
                % (self.lines, self.requests, sum(self.visits.values()),
                   self.garbage))


def count_visits(lines, gap=SESSION_GAP, samples=5, ignore_static=False):
    """Visits per day (dict date -> count) from access log lines (str or
    bytes); returns a LogResult."""
    result = LogResult()
    match = LINE_RE.match
    last_seen = {}
    day_base = {}
    visits = result.visits
    for line in lines:
        result.lines += 1
        if isinstance(line, bytes):
            line = line.decode('utf-8', 'replace')
        m = match(line)
        month = m and MONTHS.get(m.group(3))
        if not month:
            if line.strip():
                result.garbage += 1
                if len(result.garbage_samples) < samples:
                    result.garbage_samples.append(
                        (result.lines, line.strip()[:120]))
            continue
        key_day = (m.group(4), month, m.group(2))
        base = day_base.get(key_day)
        if base is None:
            try:
                day = datetime.date(int(key_day[0]), month, int(key_day[2]))
            except ValueError:
                result.garbage += 1
                if len(result.garbage_samples) < samples:
                    result.garbage_samples.append(
                        (result.lines, line.strip()[:120]))
                continue
            base = day_base[key_day] = (day, day.toordinal() * 86400)
        stamp = (base[1] + int(m.group(5)) * 3600 + int(m.group(6)) * 60
                 + int(m.group(7)))
        result.requests += 1
        client = (m.group(1), m.group(8))
        previous = last_seen.get(client)
        if previous is None or stamp - previous >= gap:
            visits[base[0]] = visits.get(base[0], 0) + 1
        if previous is None or stamp > previous:
            last_seen[client] = stamp
    return result
