from .common import SimpegCase


class TestReminders(SimpegCase):

    def setUp(self):
        super(TestReminders, self).setUp()
        self.env['ir.config_parameter'].sudo().set_param(
            'hr_simpeg.reminder_user_id', str(self.officer_user.id))
        self.env['ir.config_parameter'].sudo().set_param(
            'hr_simpeg.reminder_days', '30')
        # emp_a: next KGB 2021-04-01, promotion 2023-04-01,
        # retirement 2036-04-01.
        self.Activity = self.env['mail.activity']

    def _activities(self, employee):
        return self.Activity.search([('res_model', '=', 'hr.employee'),
                                     ('res_id', '=', employee.id)])

    def test_one_activity_per_event_however_often_it_runs(self):
        Employee = self.env['hr.employee']
        created = Employee.cron_simpeg_reminders(date_ref='2021-03-10')
        acts = self._activities(self.emp_a)
        self.assertEqual(len(acts), 1)
        self.assertIn(acts, created)
        self.assertEqual(acts.date_deadline, '2021-04-01')
        self.assertEqual(acts.user_id, self.officer_user)
        self.assertIn('Pegawai A', acts.summary)
        # Same day, next days: nothing new for the same event.
        for day in ('2021-03-10', '2021-03-11', '2021-03-31', '2021-04-01'):
            Employee.cron_simpeg_reminders(date_ref=day)
        self.assertEqual(len(self._activities(self.emp_a)), 1)
        # Even when the officer has done (deleted) the activity.
        acts.action_done()
        Employee.cron_simpeg_reminders(date_ref='2021-03-15')
        self.assertFalse(self._activities(self.emp_a))
        reminders = self.env['hr.simpeg.reminder'].search(
            [('employee_id', '=', self.emp_a.id)])
        self.assertEqual(reminders.mapped('kind'), ['kgb'])

    def test_too_early_and_past_events_are_not_reminded(self):
        Employee = self.env['hr.employee']
        Employee.cron_simpeg_reminders(date_ref='2021-02-28')
        self.assertFalse(self._activities(self.emp_a))
        Employee.cron_simpeg_reminders(date_ref='2021-04-02')
        self.assertFalse(self._activities(self.emp_a))

    def test_promotion_and_retirement_events(self):
        Employee = self.env['hr.employee']
        Employee.cron_simpeg_reminders(date_ref='2023-03-20')
        acts = self._activities(self.emp_a)
        self.assertEqual(len(acts), 1)
        self.assertIn('Promotion', acts.summary)
        Employee.cron_simpeg_reminders(date_ref='2036-03-05')
        acts = self._activities(self.emp_a)
        self.assertEqual(len(acts), 2)
        self.assertIn('2036-04-01', acts.mapped('date_deadline'))
        kinds = self.env['hr.simpeg.reminder'].search(
            [('employee_id', '=', self.emp_a.id)]).mapped('kind')
        self.assertEqual(sorted(kinds), ['promotion', 'retirement'])

    def test_new_kgb_gives_a_new_event(self):
        Employee = self.env['hr.employee']
        Employee.cron_simpeg_reminders(date_ref='2021-03-10')
        self.env['hr.simpeg.salary.increase'].create({
            'employee_id': self.emp_a.id, 'decree_number': 'KGB-9',
            'date_effective': '2021-04-01'})
        self.assertEqual(self.emp_a.next_kgb_date, '2023-04-01')
        Employee.cron_simpeg_reminders(date_ref='2023-03-10')
        acts = self._activities(self.emp_a)
        # KGB 2021, KGB 2023 and promotion 2023: three distinct events.
        self.assertEqual(len(acts), 3)
        Employee.cron_simpeg_reminders(date_ref='2023-03-11')
        self.assertEqual(len(self._activities(self.emp_a)), 3)

    def test_default_user_is_an_officer(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'hr_simpeg.reminder_user_id', '0')
        user = self.env['hr.employee']._simpeg_reminder_user()
        self.assertTrue(user.has_group('hr_simpeg.group_simpeg_officer'))
