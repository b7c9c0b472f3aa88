from odoo.exceptions import AccessError

from .common import ComplaintCase


class TestAccess(ComplaintCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls.Ticket.create_complaint({
            'partner_id': cls.customer.id, 'category_id': cls.cat_leak.id})
        cls.ticket_b = cls.Ticket.create_complaint({
            'partner_id': cls.customer_b.id, 'category_id': cls.cat_leak.id})

    def visible(self, user):
        return self.Ticket.sudo(user).search(
            [('id', 'in', (self.ticket_a | self.ticket_b).ids)])

    def test_officer_sees_own_team(self):
        self.assertEqual(self.ticket_a.team_id, self.team_a)
        self.assertEqual(self.visible(self.officer_a), self.ticket_a)
        self.assertEqual(self.visible(self.officer_b), self.ticket_b)
        self.assertEqual(self.visible(self.leader_a), self.ticket_a)
        with self.assertRaises(AccessError):
            self.ticket_b.sudo(self.officer_a).read(['name'])
        with self.assertRaises(AccessError):
            self.ticket_b.sudo(self.officer_a).write({'name': 'x'})

    def test_officer_works_ticket(self):
        ticket = self.ticket_a.sudo(self.officer_a2)
        ticket.write({'stage_id': self.stage_progress.id})
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertEqual(ticket.address, 'Jl. Teuku Umar 1')
        with self.assertRaises(AccessError):
            ticket.unlink()

    def test_supervisor_and_manager_see_all(self):
        both = self.ticket_a | self.ticket_b
        self.assertEqual(self.visible(self.supervisor), both)
        self.assertEqual(self.visible(self.manager), both)
        self.ticket_b.sudo(self.manager).unlink()
        self.assertFalse(self.ticket_b.exists())

    def test_phone_and_address_only_for_complaint_groups(self):
        ticket = self.ticket_a.sudo(self.helpdesk_user)
        self.assertEqual(ticket.name, self.ticket_a.name)
        for field in ('address', 'phone', 'latitude', 'map_url'):
            with self.assertRaises(AccessError):
                ticket.read([field])
        self.assertNotIn('phone', ticket.fields_get())
        self.assertIn('phone', self.ticket_a.sudo(self.officer_a).fields_get())

    def test_plain_employee_sees_no_complaints(self):
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.employee).search([])

    def test_configuration_for_managers(self):
        Policy = self.env['complaint.sla.policy']
        vals = {'name': 'Baru', 'response_hours': 1, 'resolution_hours': 2}
        with self.assertRaises(AccessError):
            Policy.sudo(self.supervisor).create(vals)
        with self.assertRaises(AccessError):
            self.env['complaint.zone'].sudo(self.officer_a).create(
                {'name': 'Z', 'code': 'ZZ'})
        self.assertTrue(Policy.sudo(self.manager).create(vals))

    def test_recap_for_supervisors(self):
        Recap = self.env['complaint.recap']
        with self.assertRaises(AccessError):
            Recap.sudo(self.officer_a).search([])
        self.assertTrue(Recap.sudo(self.supervisor).search(
            [('ticket_id', '=', self.ticket_a.id)]))

    def test_outage_closing_for_supervisors(self):
        outage = self.env['complaint.outage'].create({'zone_id': self.zone_a.id})
        with self.assertRaises(AccessError):
            outage.sudo(self.officer_a).action_close('Selesai')
        self.assertEqual(outage.state, 'open')
