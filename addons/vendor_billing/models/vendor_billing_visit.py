import datetime
import logging

import pytz
from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED

from odoo import SUPERUSER_ID, api, fields, models, tools

_logger = logging.getLogger(__name__)

SOURCES = [
    ('session', 'Web sessions'),
    ('log', 'Access log'),
    ('csv', 'CSV import'),
    ('manual', 'Manual'),
]


class VendorBillingVisit(models.Model):
    _name = 'vendor.billing.visit'
    _description = 'Daily visits of a server'
    _order = 'date desc, server_id'
    _rec_name = 'date'

    server_id = fields.Many2one('vendor.billing.server', required=True,
                                ondelete='cascade', index=True)
    date = fields.Date(required=True, index=True)
    source = fields.Selection(SOURCES, required=True, default='manual')
    count = fields.Integer(string='Visits', required=True, default=0)

    _sql_constraints = [
        ('day_unique', 'unique(server_id, date, source)',
         'There is already a count for this server, day and source.'),
        ('count_positive', 'CHECK(count >= 0)',
         'A number of visits cannot be negative.'),
    ]

    @api.model
    def _increment(self, server_code, day, amount=1):
        """Add visits to a server's daily session counter in one atomic
        statement, so that concurrent requests never lose a count."""
        server_id = self.env['vendor.billing.server']._get_or_create_by_code(
            server_code)
        self.env.cr.execute("""
            INSERT INTO vendor_billing_visit
                (server_id, date, source, count, create_date, write_date)
            VALUES (%s, %s, 'session', %s, now() at time zone 'UTC',
                    now() at time zone 'UTC')
            ON CONFLICT (server_id, date, source)
            DO UPDATE SET count = vendor_billing_visit.count + EXCLUDED.count,
                          write_date = EXCLUDED.write_date
        """, (server_id, fields.Date.to_string(day), amount))
        self.invalidate_cache()

    @api.model
    def _set_counts(self, server, source, counts):
        """Replace the counts of `source` for the days in `counts` (dict
        date -> visits): importing the same file twice changes nothing."""
        for day, count in counts.items():
            self.env.cr.execute("""
                INSERT INTO vendor_billing_visit
                    (server_id, date, source, count, create_uid, write_uid,
                     create_date, write_date)
                VALUES (%s, %s, %s, %s, %s, %s, now() at time zone 'UTC',
                        now() at time zone 'UTC')
                ON CONFLICT (server_id, date, source)
                DO UPDATE SET count = EXCLUDED.count,
                              write_uid = EXCLUDED.write_uid,
                              write_date = EXCLUDED.write_date
            """, (server.id, fields.Date.to_string(day), source, int(count),
                  self.env.uid, self.env.uid))
        self.invalidate_cache()

    @api.model
    def _daily_counts(self, date_from, date_to, servers=None):
        """{server_id: {date: visits}} summed over sources, in SQL."""
        query = """
            SELECT server_id, date, SUM(count)
              FROM vendor_billing_visit
             WHERE date >= %s AND date <= %s {extra}
          GROUP BY server_id, date
        """
        params = [fields.Date.to_string(date_from),
                  fields.Date.to_string(date_to)]
        extra = ''
        if servers is not None:
            extra = 'AND server_id IN %s'
            params.append(tuple(servers.ids) or (0,))
        self.env.cr.execute(query.format(extra=extra), params)
        result = {}
        for server_id, day, total in self.env.cr.fetchall():
            result.setdefault(server_id, {})[
                fields.Date.from_string(day) if isinstance(day, str) else day
            ] = int(total)
        return result


def increment_in_own_transaction(registry, code, day, amount=1):
    """Add visits in a READ COMMITTED transaction of its own: concurrent
    increments of the same counter wait for each other instead of failing,
    and the count does not depend on the caller's transaction."""
    with api.Environment.manage(), registry.cursor() as cr:
        cr._cnx.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)
        env = api.Environment(cr, SUPERUSER_ID, {})
        env['vendor.billing.visit']._increment(code, day, amount)


def count_session_visit(env):
    """Count one visit for this server (config option server_name)."""
    code = tools.config.get('server_name')
    if not code:
        return
    tz = pytz.timezone(env.user.tz or 'Asia/Jakarta')
    day = datetime.datetime.now(tz).date()
    try:
        if getattr(env.registry, 'test_cr', None) is not None:
            with env.cr.savepoint():
                env['vendor.billing.visit'].sudo()._increment(code, day)
        else:
            increment_in_own_transaction(env.registry, code, day)
    except Exception:  # counting a visit must never break a login
        _logger.warning('Could not count a visit for server %s', code,
                        exc_info=True)
