from odoo.tests.common import SavepointCase

# Monday 3 March 2025, 02:00 UTC = 09:00 in Jakarta.
MONDAY_9H = '2025-03-03 02:00:00'


class ComplaintCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       mail_create_nosubscribe=True))
        env = cls.env
        cls.Ticket = env['helpdesk.ticket']
        cls.Partner = env['res.partner']
        cls.zone_a = env['complaint.zone'].create({'name': 'Zona Uji A',
                                                   'code': 'TA'})
        cls.zone_b = env['complaint.zone'].create({'name': 'Zona Uji B',
                                                   'code': 'TB'})
        Category = env['helpdesk.ticket.category']
        cls.cat_leak = Category.create({'name': 'Bocor (uji)',
                                        'is_outage_category': True})
        cls.cat_bill = Category.create({'name': 'Tagihan (uji)'})
        cls.calendar = env['resource.calendar'].create({
            'name': 'Kalender uji',
            'attendance_ids': [(5, 0, 0)] + [
                (0, 0, {'name': 'd%d' % d, 'dayofweek': str(d),
                        'hour_from': 8.0, 'hour_to': 16.0})
                for d in range(5)],
        })
        Policy = env['complaint.sla.policy']
        cls.policy_leak = Policy.create({
            'name': 'Leak test', 'category_id': cls.cat_leak.id,
            'response_hours': 2, 'resolution_hours': 24,
            'time_basis': '24h', 'at_risk_percent': 75})
        cls.policy_bill = Policy.create({
            'name': 'Billing test', 'category_id': cls.cat_bill.id,
            'response_hours': 8, 'resolution_hours': 16,
            'time_basis': 'calendar', 'calendar_id': cls.calendar.id,
            'at_risk_percent': 50})

        Users = env['res.users'].with_context(no_reset_password=True)

        def user(login, groups):
            return Users.create({
                'name': login.title(), 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [env.ref(g).id for g in groups])]})

        cls.officer_a = user('officer_a', ['customer_complaint.group_complaint_officer'])
        cls.officer_a2 = user('officer_a2', ['customer_complaint.group_complaint_officer'])
        cls.officer_b = user('officer_b', ['customer_complaint.group_complaint_officer'])
        cls.leader_a = user('leader_a', ['customer_complaint.group_complaint_officer'])
        cls.supervisor = user('supervisor_c', ['customer_complaint.group_complaint_supervisor'])
        cls.manager = user('manager_c', ['customer_complaint.group_complaint_manager'])
        cls.helpdesk_user = user('helpdesk_only', ['helpdesk_mgmt.group_helpdesk_user'])
        cls.employee = user('employee_c', ['base.group_user'])

        Team = env['helpdesk.ticket.team']
        cls.team_a = Team.create({
            'name': 'Tim Uji A', 'leader_id': cls.leader_a.id,
            'user_ids': [(6, 0, (cls.officer_a | cls.officer_a2).ids)],
            'assignment_method': 'least_loaded'})
        cls.team_b = Team.create({
            'name': 'Tim Uji B',
            'user_ids': [(6, 0, cls.officer_b.ids)],
            'assignment_method': 'round_robin'})
        Rule = env['complaint.assignment.rule']
        # Rules of the module's data or demo must not decide for tests.
        Rule.search([]).write({'active': False})
        Rule.create({'zone_id': cls.zone_a.id, 'team_id': cls.team_a.id})
        Rule.create({'zone_id': cls.zone_b.id, 'team_id': cls.team_b.id})

        cls.customer = cls.Partner.create({
            'name': 'Pelanggan Satu', 'customer_number': '90001',
            'mobile': '0812-3456-7890', 'email': 'satu@example.com',
            'street': 'Jl. Teuku Umar 1', 'zone_id': cls.zone_a.id,
            'tariff_group': 'R1'})
        cls.customer_b = cls.Partner.create({
            'name': 'Pelanggan Dua', 'customer_number': '90002',
            'mobile': '081299990000', 'email': 'dua@example.com',
            'zone_id': cls.zone_b.id})
        cls.stage_new = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_new')
        cls.stage_progress = env.ref(
            'helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        cls.stage_awaiting = env.ref(
            'helpdesk_mgmt.helpdesk_ticket_stage_awaiting')
        cls.stage_done = env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')

    def file(self, partner=None, category=None, date=MONDAY_9H, **extra):
        vals = {
            'partner_id': (partner or self.customer).id,
            'category_id': (category or self.cat_leak).id,
            'complaint_date': date,
            'description': 'Uji',
        }
        vals.update(extra)
        return self.Ticket.with_context(complaint_now=date).create_complaint(
            vals)
