# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two submits of one employee in two real, concurrent transactions.

The fixtures are committed, since both transactions must see them, and
deleted again after each test."""
import threading
import time
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.service import model as service_model
from odoo.tests.common import (TransactionCase, at_install, get_db_name,
                               post_install)

from .common import OFFICE

WAIT_SECONDS = 30


@at_install(False)
@post_install(True)
class TestPresensiConcurrency(TransactionCase):

    def setUp(self):
        super(TestPresensiConcurrency, self).setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            site = env['hr.presensi.site'].create({
                'name': 'Concurrency office', 'latitude': OFFICE[0],
                'longitude': OFFICE[1], 'radius': 200,
                'require_photo': False})
            user = env['res.users'].with_context(
                no_reset_password=True).create({
                    'name': 'Concurrent', 'login': 't_concurrent',
                    'groups_id': [(6, 0, env.ref('base.group_user').ids)]})
            employee = env['hr.employee'].create({
                'name': 'Concurrent', 'user_id': user.id,
                'presensi_site_ids': [(6, 0, site.ids)]})
            self.site_id, self.user_id = site.id, user.id
            self.employee_id = employee.id
        self.addCleanup(self._delete_fixtures)

    def _delete_fixtures(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['hr.presensi.attempt'].search(
                [('employee_id', '=', self.employee_id)]).unlink()
            # Attendances and days go with the employee (cascade).
            env['hr.employee'].browse(self.employee_id).unlink()
            env['hr.presensi.site'].browse(self.site_id).unlink()
            env['res.users'].browse(self.user_id).unlink()

    def _submit(self, cr, action, request_id):
        env = api.Environment(cr, self.user_id, {})
        return env['hr.presensi.attempt'].presensi_submit({
            'action': action, 'latitude': OFFICE[0],
            'longitude': OFFICE[1], 'accuracy': 10.0,
            'request_id': request_id})

    def _wait_until_blocked(self, pid, thread):
        """Wait until the backend pid waits for a lock (polled, with a
        deadline); False if it never did."""
        deadline = time.time() + WAIT_SECONDS
        while time.time() < deadline and thread.is_alive():
            self.cr.execute(
                'SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted',
                (pid,))
            if self.cr.fetchone():
                return True
            time.sleep(0.05)
        return False

    def _race(self, action_1, action_2):
        """Submit action_1 in a first transaction and keep it open; submit
        action_2 in a second one from another thread, as a request would
        (Odoo's retry on serialization errors included); commit the first
        once the second waits for it. Returns both answers and how many
        times the second ran."""
        db = get_db_name()
        cr_1, cr_2 = self.registry.cursor(), self.registry.cursor()
        second = {'runs': 0}

        @service_model.check
        def request_2(dbname):
            # What Odoo's request handler does before each run.
            second['runs'] += 1
            cr_2.rollback()
            api.Environment(cr_2, self.user_id, {}).clear()
            return self._submit(cr_2, action_2, 'second-request')

        def run_2():
            with api.Environment.manage():
                try:
                    second['answer'] = request_2(db)
                    cr_2.commit()
                except Exception as error:  # reported by the test thread
                    second['error'] = error

        thread = threading.Thread(target=run_2)
        try:
            answer_1 = self._submit(cr_1, action_1, 'first-request')
            thread.start()
            blocked = self._wait_until_blocked(
                cr_2._cnx.get_backend_pid(), thread)
            cr_1.commit()
            thread.join(WAIT_SECONDS * 2)
            self.assertFalse(thread.is_alive(),
                             'The second submit never finished.')
        finally:
            cr_1.close()
            if not thread.is_alive():
                cr_2.close()
        self.assertNotIn('error', second, second.get('error'))
        self.assertTrue(blocked, 'The second submit did not wait for the '
                                 'first one.')
        return answer_1, second['answer'], second['runs']

    def _attendances(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return [(a.check_in, a.check_out) for a in env[
                'hr.attendance'].search(
                    [('employee_id', '=', self.employee_id)])]

    def _attempt_results(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return sorted(env['hr.presensi.attempt'].search(
                [('employee_id', '=', self.employee_id)]).mapped('result'))

    def test_two_check_ins_make_one_open_attendance(self):
        first, second, runs = self._race('check_in', 'check_in')
        self.assertTrue(first['ok'], first)
        # The second ran again once the first had committed, and then saw
        # the check-in.
        self.assertEqual(runs, 2)
        self.assertFalse(second['ok'], second)
        self.assertEqual(second['code'], 'already_checked_in')
        attendances = self._attendances()
        self.assertEqual(len(attendances), 1, attendances)
        self.assertFalse(attendances[0][1])
        self.assertEqual(self._attempt_results(),
                         ['accepted', 'already_checked_in'])

    def test_two_check_outs_close_once(self):
        check_in = fields.Datetime.to_string(
            datetime.utcnow() - timedelta(hours=2))
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})['hr.attendance'].create({
                'employee_id': self.employee_id, 'check_in': check_in})
        first, second, runs = self._race('check_out', 'check_out')
        self.assertTrue(first['ok'], first)
        self.assertEqual(first['state'], 'checked_out')
        self.assertEqual(runs, 2)
        self.assertFalse(second['ok'], second)
        self.assertEqual(second['code'], 'not_checked_in')
        attendances = self._attendances()
        self.assertEqual(len(attendances), 1, attendances)
        self.assertEqual(attendances[0][0], check_in)
        self.assertTrue(attendances[0][1])
        self.assertEqual(self._attempt_results(),
                         ['accepted', 'not_checked_in'])
