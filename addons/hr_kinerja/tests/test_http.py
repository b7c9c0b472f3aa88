# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import json

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase
from odoo.tools import mute_logger


class TestHttpAccess(HttpCase):
    """An employee logged in through the web client tries, over JSON-RPC,
    what the record rules must refuse."""

    def setUp(self):
        super(TestHttpAccess, self).setUp()
        # Work in the cursor the test server uses, so that it sees the
        # records made here.
        original_cr = self.cr
        self.cr = self.registry.test_cr
        self.env = env = api.Environment(self.cr, SUPERUSER_ID, {})
        self.addCleanup(setattr, self, 'cr', original_cr)
        user = env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Http Emp', 'login': 'kin_http_emp',
            'password': 'kin_http_emp', 'email': 'kin_http_emp@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id])]})
        boss = env['hr.employee'].create({'name': 'Http Boss'})
        self.emp = env['hr.employee'].create({
            'name': 'Http Emp', 'user_id': user.id, 'parent_id': boss.id})
        self.colleague = env['hr.employee'].create({
            'name': 'Http Colleague', 'parent_id': boss.id})
        Plan = env['kinerja.plan']
        self.plans = Plan
        for employee in (self.emp, self.colleague):
            plan = Plan.create({
                'employee_id': employee.id, 'year': 2025,
                'target_ids': [(0, 0, {'name': 'R', 'indicator': 'I',
                                       'quantity': 12, 'weight': 100})]})
            plan.write({'state': 'approved'})
            env['kinerja.activity'].create({
                'employee_id': employee.id,
                'target_id': plan.target_ids.id, 'date': '2025-02-03',
                'name': 'Done', 'quantity': 1, 'duration': 1,
                'state': 'submitted'})
            self.plans |= plan
        self.assessments = env['kinerja.assessment'].create_monthly_assessments(
            '2025-02-28')
        self.authenticate('kin_http_emp', 'kin_http_emp')

    def call(self, model, method, args, kwargs=None):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'model': model, 'method': method, 'args': args,
            'kwargs': kwargs or {}}}
        response = self.opener.post(
            'http://%s:%s/web/dataset/call_kw' % (HOST, PORT),
            data=json.dumps(payload),
            headers={'Content-Type': 'application/json'}, timeout=20)
        return response.json()

    def test_employee_over_rpc(self):
        own = self.assessments.filtered(lambda a: a.employee_id == self.emp)
        with mute_logger('odoo.http'):
            # reads only their own plans
            result = self.call('kinerja.plan', 'search_read', [[]],
                               {'fields': ['employee_id']})
            self.assertIn('result', result, result)
            self.assertEqual([r['employee_id'][0] for r in result['result']],
                             [self.emp.id])
            # cannot write their score
            result = self.call('kinerja.assessment', 'write',
                               [own.ids, {'final_score': 120}])
            self.assertIn('error', result)
            # cannot rate their own behaviour
            result = self.call('kinerja.assessment.behaviour', 'write',
                               [own.behaviour_ids.ids, {'rating': 5}])
            self.assertIn('error', result)
            # cannot approve their own report
            report = self.env['kinerja.activity'].search(
                [('employee_id', '=', self.emp.id)])
            result = self.call('kinerja.activity', 'action_approve',
                               [report.ids])
            self.assertIn('error', result)
            # cannot read the colleague's plan
            other = self.plans.filtered(
                lambda p: p.employee_id == self.colleague)
            result = self.call('kinerja.plan', 'read', [other.ids, ['name']])
            self.assertIn('error', result)
        self.assertEqual(report.state, 'submitted')
        self.assertNotEqual(own.final_score, 120)
        self.assertFalse(any(own.behaviour_ids.mapped('rating')))
