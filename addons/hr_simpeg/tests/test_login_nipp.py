import json
import re

from odoo import SUPERUSER_ID, api
from odoo.tests.common import (HOST, PORT, HttpCase, at_install,
                               get_db_name, post_install)


@at_install(False)
@post_install(True)
class TestLoginNipp(HttpCase):
    """Log in with the employee number (NIPP) instead of the login."""

    def setUp(self):
        super(TestLoginNipp, self).setUp()
        # Logins read through the registry's test cursor: create the data
        # there.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Users = env['res.users'].with_context(no_reset_password=True)
            group_user = env.ref('base.group_user')
            user_a = Users.create({
                'name': 'Nipp A', 'login': 'simpeg_nipp_a',
                'password': 'Pass-a-123',
                'groups_id': [(6, 0, group_user.ids)]})
            user_b = Users.create({
                'name': 'Nipp B', 'login': 'simpeg_nipp_b',
                'password': 'Pass-b-123',
                'groups_id': [(6, 0, group_user.ids)]})
            Employee = env['hr.employee']
            emp_a = Employee.create({'name': 'Nipp A', 'nipp': 'NT-001',
                                     'user_id': user_a.id})
            emp_b = Employee.create({'name': 'Nipp B', 'nipp': 'NT-002',
                                     'user_id': user_b.id})
            Employee.create({'name': 'No User', 'nipp': 'NT-003'})
            self.user_a_id, self.user_b_id = user_a.id, user_b.id
            self.emp_a_id, self.emp_b_id = emp_a.id, emp_b.id

    def login(self, login, password):
        return self.registry['res.users'].authenticate(
            get_db_name(), login, password, None)

    def web_login(self, login, password):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'db': get_db_name(), 'login': login, 'password': password}}
        return self.opener.post(
            'http://%s:%s/web/session/authenticate' % (HOST, PORT),
            data=json.dumps(payload), timeout=30,
            headers={'Content-Type': 'application/json'}).json()

    def test_nipp_and_password_log_in_as_the_employees_user(self):
        self.assertEqual(self.login('NT-001', 'Pass-a-123'), self.user_a_id)
        self.assertEqual(self.login(' NT-002 ', 'Pass-b-123'),
                         self.user_b_id)
        answer = self.web_login('NT-001', 'Pass-a-123')
        self.assertEqual(answer['result']['uid'], self.user_a_id, answer)
        self.assertEqual(answer['result']['username'], 'simpeg_nipp_a')
        self.assertEqual(self.xmlrpc_common.authenticate(
            get_db_name(), 'NT-002', 'Pass-b-123', {}), self.user_b_id)

    def test_wrong_password_fails(self):
        self.assertFalse(self.login('NT-001', 'Pass-b-123'))
        self.assertFalse(self.login('NT-001', 'pass-a-123'))
        self.assertFalse(self.login('NT-001', ''))
        answer = self.web_login('NT-001', 'wrong')
        self.assertFalse(answer['result']['uid'], answer)

    def test_unknown_nipp_fails(self):
        self.assertFalse(self.login('NT-999', 'Pass-a-123'))
        self.assertFalse(self.login('NT-00', 'Pass-a-123'))
        # An employee without user logs nobody in.
        self.assertFalse(self.login('NT-003', 'Pass-a-123'))

    def test_ambiguous_nipp_fails(self):
        # A database whose employees share a NIPP (imported before the
        # uniqueness constraint could be added): nobody logs in with it.
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '10s'")
            cr.execute('ALTER TABLE hr_employee '
                       'DROP CONSTRAINT hr_employee_nipp_uniq')
            cr.execute("UPDATE hr_employee SET nipp = 'NT-001' "
                       "WHERE id = %s", (self.emp_b_id,))
        self.assertFalse(self.login('NT-001', 'Pass-a-123'))
        self.assertFalse(self.login('NT-001', 'Pass-b-123'))
        # Only active employees count: with B archived, NT-001 is A's.
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})['hr.employee'].browse(
                self.emp_b_id).active = False
        self.assertEqual(self.login('NT-001', 'Pass-a-123'), self.user_a_id)
        self.assertFalse(self.login('NT-001', 'Pass-b-123'))

    def test_archived_employee_nipp_fails(self):
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})['hr.employee'].browse(
                self.emp_a_id).active = False
        self.assertFalse(self.login('NT-001', 'Pass-a-123'))
        self.assertEqual(self.login('simpeg_nipp_a', 'Pass-a-123'),
                         self.user_a_id)

    def test_login_still_works_and_comes_first(self):
        self.assertEqual(self.login('simpeg_nipp_a', 'Pass-a-123'),
                         self.user_a_id)
        self.assertFalse(self.login('simpeg_nipp_a', 'Pass-b-123'))
        answer = self.web_login('simpeg_nipp_b', 'Pass-b-123')
        self.assertEqual(answer['result']['uid'], self.user_b_id, answer)
        # A user whose login is B's NIPP: the login is theirs.
        with self.registry.cursor() as cr:
            user_c = api.Environment(cr, SUPERUSER_ID, {})[
                'res.users'].with_context(no_reset_password=True).create({
                    'name': 'Nipp C', 'login': 'NT-002',
                    'password': 'Pass-c-123'})
            user_c_id = user_c.id
        self.assertEqual(self.login('NT-002', 'Pass-c-123'), user_c_id)
        self.assertFalse(self.login('NT-002', 'Pass-b-123'))

    def test_login_page_asks_for_email_or_nipp_and_takes_the_nipp(self):
        url = 'http://%s:%s/web/login' % (HOST, PORT)
        page = self.opener.get(url, timeout=30).text
        self.assertIn('Email / NIPP', page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answer = self.opener.post(url, timeout=30, allow_redirects=False, data={
            'login': 'NT-001', 'password': 'Pass-a-123', 'csrf_token': token,
            'db': get_db_name()})
        # Odoo 11 sends the browser on to the web client with a script
        self.assertEqual(answer.status_code, 200)
        self.assertIn("window.location = '/web'", answer.text)
        info = self.opener.post(
            'http://%s:%s/web/session/get_session_info' % (HOST, PORT),
            data=json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': {}}),
            headers={'Content-Type': 'application/json'}, timeout=30).json()
        self.assertEqual(info['result']['uid'], self.user_a_id)
