import base64
import datetime
import threading

from odoo import api, SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools import config

from ..models.vendor_billing_visit import increment_in_own_transaction
from .common import VendorBillingCase

D = datetime.date

LOG = b"""10.0.0.1 - - [02/Sep/2024:08:00:00 +0700] "GET / HTTP/1.1" 200 5 "-" "Firefox"
10.0.0.1 - - [02/Sep/2024:09:00:00 +0700] "GET / HTTP/1.1" 200 5 "-" "Firefox"
garbage here
10.0.0.2 - - [03/Sep/2024:10:00:00 +0700] "GET / HTTP/1.1" 200 5 "-" "Chrome"
"""


class TestVisits(VendorBillingCase):

    def _wizard(self, content, **vals):
        vals.update({'data_file': base64.b64encode(content)})
        return self.env['vendor.billing.visit.import'].sudo(self.officer).create(vals)

    def _count(self, server, day, source=None):
        domain = [('server_id', '=', server.id), ('date', '=', day)]
        if source:
            domain.append(('source', '=', source))
        return sum(self.env['vendor.billing.visit'].search(domain).mapped('count'))

    def test_log_import_reports_garbage(self):
        server = self.servers[0]
        wizard = self._wizard(LOG, import_type='log', server_id=server.id)
        wizard.action_import()
        self.assertEqual(self._count(server, '2024-09-02'), 2)
        self.assertEqual(self._count(server, '2024-09-03'), 1)
        self.assertIn('1 unreadable lines skipped', wizard.result)
        self.assertIn('3: garbage here', wizard.result)
        # importing the same file again changes nothing
        self._wizard(LOG, import_type='log', server_id=server.id).action_import()
        self.assertEqual(self._count(server, '2024-09-02'), 2)

    def test_log_of_garbage_only_is_refused(self):
        server = self.servers[0]
        wizard = self._wizard(b'nothing\nto see\n', import_type='log',
                              server_id=server.id)
        with self.assertRaisesRegex(UserError, 'combined log format'):
            wizard.action_import()
        self.assertFalse(self.env['vendor.billing.visit'].search(
            [('server_id', '=', server.id)]))

    def test_csv_import(self):
        content = ('date,server,visits\n2024-09-02,test-t1,120\n'
                   '2024-09-02,Test Server 2,7\n').encode()
        self._wizard(content, import_type='csv').action_import()
        self.assertEqual(self._count(self.servers[0], '2024-09-02', 'csv'), 120)
        self.assertEqual(self._count(self.servers[1], '2024-09-02', 'csv'), 7)

    def test_csv_bad_rows_change_nothing(self):
        for content, message in [
                (b'2024-09-02,test-t1,5\n2024-13-01,test-t1,5\n', 'Line 2'),
                (b'2024-09-02,test-t1,5\n2024-09-03,nowhere,5\n', 'unknown server'),
                (b'2024-09-02,test-t1,-5\n', 'negative'),
                (b'2024-09-02,test-t1\n', 'expected date'),
                (b'\n', 'no rows')]:
            with self.assertRaisesRegex(UserError, message):
                self._wizard(content, import_type='csv').action_import()
        self.assertFalse(self.env['vendor.billing.visit'].search(
            [('server_id', 'in', self.servers.ids)]))

    def test_increment_and_daily_counts(self):
        Visit = self.env['vendor.billing.visit']
        Visit._increment('test-t1', D(2024, 9, 2))
        Visit._increment('test-t1', D(2024, 9, 2), 2)
        Visit._set_counts(self.servers[0], 'log', {D(2024, 9, 2): 10})
        counts = Visit._daily_counts(D(2024, 9, 1), D(2024, 9, 30), self.servers)
        self.assertEqual(counts[self.servers[0].id], {D(2024, 9, 2): 13})
        # an unknown server code creates the server
        Visit._increment('test-new-node', D(2024, 9, 3))
        self.assertTrue(self.env['vendor.billing.server'].search(
            [('code', '=', 'test-new-node')]))

    def test_user_cannot_write_visits(self):
        with self.assertRaises(AccessError):
            self.env['vendor.billing.visit'].sudo(self.user).create({
                'server_id': self.servers[0].id, 'date': '2024-09-01',
                'count': 3})

    def test_release_rules(self):
        release = self.env['vendor.billing.release'].sudo(self.officer).create({
            'contract_id': self.contract.id, 'version': '9.9',
            'date': '2024-09-10'})
        with self.assertRaises(AccessError):
            release.sudo(self.user).write({'version': '9.10'})
        release.sudo(self.manager).write({'version': '9.10'})
        self.assertEqual(release.version, '9.10')


@at_install(False)
@post_install(True)
class TestConcurrentCounter(VendorBillingCase):
    """Runs after installation: during it, the loading thread holds the
    registry lock that new environments in other threads wait for."""

    def test_concurrent_increments_lose_nothing(self):
        registry = self.env.registry
        code = 'test-concurrency-node'
        day = D(2024, 9, 5)
        errors = []

        def worker():
            try:
                for _i in range(20):
                    increment_in_own_transaction(registry, code, day)
            except Exception as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=worker) for _i in range(4)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertFalse(errors)
            with registry.cursor() as cr:
                cr.execute("""SELECT v.count FROM vendor_billing_visit v
                              JOIN vendor_billing_server s ON s.id = v.server_id
                              WHERE s.code = %s AND v.date = %s""", (code, day))
                self.assertEqual(cr.fetchall(), [(80,)])
        finally:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env['vendor.billing.server'].search([('code', '=', code)]).unlink()


class TestLoginCountsVisit(HttpCase):

    def _session_visits(self):
        # requests share the registry's test cursor, not self.cr
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            visits = env['vendor.billing.visit'].search(
                [('server_id.code', '=', 'test-login-node')])
            return sum(visits.mapped('count')), set(visits.mapped('source'))

    def test_login_counts_one_visit(self):
        previous = config.get('server_name')
        config['server_name'] = 'test-login-node'
        try:
            self.authenticate('admin', 'admin')
            self.assertEqual(self._session_visits(), (1, {'session'}))
            self.authenticate('admin', 'admin')
            self.assertEqual(self._session_visits(), (2, {'session'}))
        finally:
            config['server_name'] = previous
