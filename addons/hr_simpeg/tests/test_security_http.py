import json

from odoo import SUPERUSER_ID, api

from odoo.tests.common import (HOST, PORT, HttpCase, at_install,
                               get_db_name, post_install)


@at_install(False)
@post_install(True)
class TestSecurityHttp(HttpCase):
    """Log in through the web client as each kind of user."""

    def setUp(self):
        super(TestSecurityHttp, self).setUp()
        # The server reads through the registry's test cursor: create the
        # data there, then release it for the requests.
        with self.registry.cursor() as cr:
            self._create_data(api.Environment(cr, SUPERUSER_ID, {}))

    def _create_data(self, env):
        Users = env['res.users'].with_context(no_reset_password=True)
        group_user = env.ref('base.group_user')
        user_a = Users.create({
            'name': 'Http A', 'login': 'simpeg_http_a', 'password': 'Pass-a-123',
            'groups_id': [(6, 0, [group_user.id])]})
        user_b = Users.create({
            'name': 'Http B', 'login': 'simpeg_http_b', 'password': 'Pass-b-123',
            'groups_id': [(6, 0, [group_user.id])]})
        Users.create({
            'name': 'Http Officer', 'login': 'simpeg_http_o',
            'password': 'Pass-o-123',
            'groups_id': [(6, 0, [group_user.id, env.ref(
                'hr_simpeg.group_simpeg_officer').id])]})
        grade = env['hr.simpeg.grade'].create({'name': 'H-1',
                                               'sequence': 2000})
        emp_a = env['hr.employee'].create({
            'name': 'Http A', 'user_id': user_a.id, 'birthday': '1980-01-01'})
        emp_b = env['hr.employee'].create({
            'name': 'Http B', 'user_id': user_b.id, 'birthday': '1981-01-01'})
        for emp, number in ((emp_a, 'SK-HA'), (emp_b, 'SK-HB')):
            env['hr.simpeg.rank.history'].create({
                'employee_id': emp.id, 'grade_id': grade.id,
                'decree_number': number, 'date_effective': '2015-01-01'})
        self.emp_a_id, self.emp_b_id = emp_a.id, emp_b.id

    def _login(self, login, password):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'db': get_db_name(), 'login': login, 'password': password}}
        res = self.opener.post(
            'http://%s:%s/web/session/authenticate' % (HOST, PORT),
            data=json.dumps(payload), timeout=30,
            headers={'Content-Type': 'application/json'}).json()
        self.assertEqual(res['result']['username'], login, res)

    def _call(self, model, method, args, kwargs=None):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'model': model, 'method': method, 'args': args,
            'kwargs': kwargs or {}}}
        res = self.opener.post(
            'http://%s:%s/web/dataset/call_kw' % (HOST, PORT),
            data=json.dumps(payload), timeout=30,
            headers={'Content-Type': 'application/json'})
        return res.json()

    def test_each_kind_of_user(self):
        fields = ['name', 'grade_id', 'rank_history_ids']
        # Employee A: own record yes, B's record no.
        self._login('simpeg_http_a', 'Pass-a-123')
        own = self._call('hr.employee', 'read', [[self.emp_a_id], fields])
        self.assertIn('result', own, own)
        self.assertEqual(own['result'][0]['name'], 'Http A')
        other = self._call('hr.employee', 'read', [[self.emp_b_id], fields])
        self.assertIn('error', other)
        self.assertEqual(other['error']['data']['name'],
                         'odoo.exceptions.AccessError')
        lines = self._call('hr.simpeg.rank.history', 'search_read', [[]],
                           {'fields': ['decree_number']})
        self.assertEqual([l['decree_number'] for l in lines['result']],
                         ['SK-HA'])
        write = self._call('hr.simpeg.rank.history', 'write',
                           [[lines['result'][0]['id']],
                            {'decree_number': 'HACK'}])
        self.assertIn('error', write)
        # The officer sees both.
        self._login('simpeg_http_o', 'Pass-o-123')
        both = self._call('hr.employee', 'read',
                          [[self.emp_a_id, self.emp_b_id], fields])
        self.assertEqual(len(both['result']), 2)
        lines = self._call('hr.simpeg.rank.history', 'search_read',
                           [[('employee_id', 'in',
                              [self.emp_a_id, self.emp_b_id])]],
                           {'fields': ['decree_number']})
        self.assertEqual(sorted(l['decree_number'] for l in lines['result']),
                         ['SK-HA', 'SK-HB'])
