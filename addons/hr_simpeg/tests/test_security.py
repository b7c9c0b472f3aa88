from odoo.exceptions import AccessError

from .common import SimpegCase


class TestSecurity(SimpegCase):

    def test_officer_edits_everything(self):
        Rank = self.env['hr.simpeg.rank.history'].sudo(self.officer_user)
        line = Rank.create({
            'employee_id': self.emp_b.id, 'grade_id': self.grade_mid.id,
            'decree_number': 'SK-O-1', 'date_effective': '2016-01-01'})
        line.decree_number = 'SK-O-1a'
        emp_b = self.emp_b.sudo(self.officer_user)
        self.assertEqual(emp_b.grade_id, self.grade_mid)
        emp_b.write({'employment_status': 'permanent',
                     'join_date': '2009-01-01'})
        self.assertEqual(emp_b.employment_status, 'permanent')
        self.assertEqual(
            self.env['hr.simpeg.duk'].sudo(self.officer_user).search_count(
                [('employee_id', 'in', [self.emp_a.id, self.emp_b.id])]), 2)
        line.unlink()
        self.assertEqual(emp_b.grade_id, self.grade_low)

    def test_employee_reads_own_record_only(self):
        emp_a = self.emp_a.sudo(self.user_a)
        data = emp_a.read(['nipp', 'grade_id', 'rank_history_ids',
                           'retirement_date'])[0]
        self.assertEqual(data['grade_id'][0], self.grade_mid.id)
        self.assertEqual(data['rank_history_ids'], [self.rank_a.id])
        Rank = self.env['hr.simpeg.rank.history'].sudo(self.user_a)
        self.assertEqual(Rank.search([]), self.rank_a)
        self.assertEqual(Rank.browse(self.rank_a.id).decree_number, 'SK-A-1')
        # Others' lines and personnel fields stay hidden.
        with self.assertRaises(AccessError):
            Rank.browse(self.rank_b.id).read(['decree_number'])
        with self.assertRaises(AccessError):
            self.emp_b.sudo(self.user_a).read(['grade_id'])
        with self.assertRaises(AccessError):
            self.env['hr.employee'].sudo(self.user_a).search(
                [('grade_id', '=', self.grade_low.id)])
        with self.assertRaises(AccessError):
            self.env['hr.employee'].sudo(self.user_a).read_group(
                [], ['grade_id'], ['grade_id'])
        with self.assertRaises(AccessError):
            self.env['hr.simpeg.duk'].sudo(self.user_a).search([])
        # The public part of the directory still works.
        names = self.env['hr.employee'].sudo(self.user_a).browse(
            self.emp_b.id).read(['name', 'nipp'])
        self.assertEqual(names[0]['name'], 'Pegawai B')

    def test_employee_cannot_change_own_record(self):
        Rank = self.env['hr.simpeg.rank.history'].sudo(self.user_a)
        with self.assertRaises(AccessError):
            Rank.browse(self.rank_a.id).write({'decree_number': 'X'})
        with self.assertRaises(AccessError):
            Rank.create({'employee_id': self.emp_a.id,
                         'grade_id': self.grade_high.id,
                         'decree_number': 'SK-SELF',
                         'date_effective': '2024-01-01'})
        with self.assertRaises(AccessError):
            self.emp_a.sudo(self.user_a).write({'employment_status':
                                                'contract'})
        self.assertEqual(self.rank_a.decree_number, 'SK-A-1')
        self.assertEqual(self.emp_a.employment_status, 'permanent')

    def test_my_data_action(self):
        action = self.env['hr.employee'].sudo(
            self.user_a).action_simpeg_my_data()
        self.assertEqual(action['res_id'], self.emp_a.id)
        self.assertEqual(action['res_model'], 'hr.employee')
        view = self.env.ref('hr_simpeg.hr_employee_view_form_my_data')
        self.assertEqual(action['views'], [(view.id, 'form')])
        server_action = self.env.ref('hr_simpeg.hr_employee_action_my_data')
        result = server_action.sudo(self.user_b).run()
        self.assertEqual(result['res_id'], self.emp_b.id)
        # a user without an employee gets an empty list saying why
        action = self.env['hr.employee'].sudo(
            self.user_nobody).action_simpeg_my_data()
        self.assertIn('not linked', action['help'])
        self.assertFalse(self.env['hr.employee'].sudo(
            self.user_nobody).search(action['domain']))

    def test_my_data_view_loads_for_employee(self):
        view = self.env.ref('hr_simpeg.hr_employee_view_form_my_data')
        fields_view = self.env['hr.employee'].sudo(self.user_a).fields_view_get(
            view_id=view.id, view_type='form')
        self.assertIn('rank_history_ids', fields_view['fields'])
        self.assertIn('edit="false"', fields_view['arch'])
        emp = self.emp_a.sudo(self.user_a)
        emp.read(list(fields_view['fields']))

    def test_standard_form_hides_personnel_pages_from_employees(self):
        form = self.env['hr.employee'].sudo(self.user_b).fields_view_get(
            view_id=self.env.ref('hr.view_employee_form').id,
            view_type='form')
        self.assertNotIn('grade_id', form['fields'])
        self.assertIn('nipp', form['fields'])
        # Reading what the standard form shows does not fail on others.
        self.emp_a.sudo(self.user_b).read(list(form['fields']))
        form = self.env['hr.employee'].sudo(self.officer_user).fields_view_get(
            view_id=self.env.ref('hr_simpeg.hr_employee_view_form').id,
            view_type='form')
        self.assertIn('grade_id', form['fields'])
        self.assertIn('nipp', form['fields'])
        self.emp_a.sudo(self.officer_user).read(list(form['fields']))

    def test_hr_officer_gets_simpeg_officer(self):
        hr_officer = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'HR Officer', 'login': 'simpeg_hr_t',
                'groups_id': [(6, 0, [self.env.ref('hr.group_hr_user').id])]})
        self.assertTrue(hr_officer.has_group('hr_simpeg.group_simpeg_officer'))
        self.assertEqual(self.emp_b.sudo(hr_officer).grade_id,
                         self.grade_low)
