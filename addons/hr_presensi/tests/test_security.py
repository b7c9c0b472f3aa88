# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Own / team / all, logging in as each tier."""
from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase, at_install, post_install

from .common import make_fixtures

TIERS = ('t_staff', 't_junior', 't_supervisor', 't_colleague', 't_officer')


@at_install(False)
@post_install(True)
class TestSecurity(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.f = make_fixtures(cls.env)
        cls.employees = {}
        for login in TIERS:
            employee = cls.f['e' + login[1:]]
            cls.employees[login] = employee
            cls.env['hr.attendance'].create({
                'employee_id': employee.id,
                'check_in': '2024-09-02 01:00:00',
                'check_out': '2024-09-02 09:00:00'})
            cls.env['hr.presensi.attempt'].create({
                'employee_id': employee.id, 'user_id': cls.f[login].id,
                'result': 'outside', 'accepted': False})
        cls.env['hr.presensi.day'].compute_days(
            '2024-09-02', '2024-09-02',
            [e.id for e in cls.employees.values()], today='2024-10-01')

    def visible(self, login, model):
        records = self.env[model].sudo(self.f[login]).search(
            [('employee_id', 'in', [e.id for e in self.employees.values()])])
        names = {e.id: login[2:] for login, e in self.employees.items()}
        return {names[e.id] for e in records.mapped('employee_id')}

    def test_visibility_per_tier(self):
        expected = {
            't_staff': {'staff'},
            't_junior': {'junior'},
            't_colleague': {'colleague'},
            't_supervisor': {'supervisor', 'staff', 'junior'},
            't_officer': {'staff', 'junior', 'supervisor', 'colleague',
                          'officer'},
        }
        for model in ('hr.attendance', 'hr.presensi.attempt',
                      'hr.presensi.day', 'hr.presensi.recap'):
            for login, names in expected.items():
                self.assertEqual(self.visible(login, model), names,
                                 '%s as %s' % (model, login))

    def test_staff_cannot_read_or_edit_others(self):
        junior_att = self.env['hr.attendance'].search(
            [('employee_id', '=', self.employees['t_junior'].id)])
        with self.assertRaises(AccessError):
            junior_att.sudo(self.f['t_staff']).read(['check_in'])
        # Supervisors read their team but do not edit it.
        junior_att.sudo(self.f['t_supervisor']).read(['check_in'])
        with self.assertRaises(AccessError):
            junior_att.sudo(self.f['t_supervisor']).write(
                {'check_out': '2024-09-02 10:00:00'})
        attempts = self.env['hr.presensi.attempt'].sudo(self.f['t_staff'])
        with self.assertRaises(AccessError):
            attempts.create({'result': 'accepted', 'accepted': True})

    def _duty(self, login):
        duty = self.env['hr.presensi.duty'].sudo(self.f[login]).create({
            'name': 'Survey', 'date_from': '2024-09-09',
            'date_to': '2024-09-10', 'place': 'Sabang',
            'reason': 'Pipe survey'})
        self.assertEqual(duty.employee_id, self.employees[login])
        duty.action_confirm()
        return duty

    def test_duty_approval_by_manager_only(self):
        duty = self._duty('t_staff')
        with self.assertRaises(UserError):
            duty.write({'state': 'approved'})
        with self.assertRaises(UserError):
            duty.action_approve()
        with self.assertRaises((AccessError, UserError)):
            duty.sudo(self.f['t_colleague']).action_approve()
        self.assertEqual(duty.state, 'confirm')
        duty.sudo(self.f['t_supervisor']).action_approve()
        self.assertEqual(duty.state, 'approved')
        self.assertEqual(duty.approver_id, self.f['t_supervisor'])
        with self.assertRaises(UserError):
            duty.write({'place': 'Elsewhere'})

    def test_duty_indirect_manager_and_officer(self):
        duty = self._duty('t_junior')
        duty.sudo(self.f['t_supervisor']).action_refuse()
        self.assertEqual(duty.state, 'refused')
        duty = self._duty('t_colleague')
        with self.assertRaises((AccessError, UserError)):
            duty.sudo(self.f['t_supervisor']).action_approve()
        duty.sudo(self.f['t_officer']).action_approve()
        self.assertEqual(duty.state, 'approved')
        day = fields.Date.from_string('2024-09-10')
        self.assertEqual(self.env['hr.presensi.duty']._approved_on(
            self.employees['t_colleague'], day), duty)

    def test_duty_dates_checked(self):
        with self.assertRaises(ValidationError):
            self.env['hr.presensi.duty'].sudo(self.f['t_staff']).create({
                'name': 'Backwards', 'date_from': '2024-09-10',
                'date_to': '2024-09-09', 'place': 'X', 'reason': 'Y'})
