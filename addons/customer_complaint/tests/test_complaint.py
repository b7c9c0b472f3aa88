from odoo.exceptions import UserError, ValidationError

from .common import ComplaintCase, MONDAY_9H


class TestCreateComplaint(ComplaintCase):

    def test_channels_exist(self):
        for xmlid in ('channel_walk_in', 'channel_phone', 'channel_whatsapp',
                      'channel_web'):
            channel = self.env.ref('customer_complaint.' + xmlid)
            self.assertEqual(channel._name, 'helpdesk.ticket.channel')

    def test_create_from_customer_number(self):
        ticket = self.Ticket.with_context(complaint_now=MONDAY_9H).create_complaint({
            'customer_number': '90001',
            'category_id': self.cat_leak.id,
            'channel_id': self.env.ref('customer_complaint.channel_whatsapp').id,
            'latitude': 5.3811, 'longitude': 95.9608,
            'complaint_date': MONDAY_9H,
        })
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.zone_id, self.zone_a)
        self.assertEqual(ticket.address, 'Jl. Teuku Umar 1')
        self.assertEqual(ticket.phone, '0812-3456-7890')
        self.assertEqual(ticket.customer_number, '90001')
        self.assertIn('Bocor (uji)', ticket.name)
        self.assertNotEqual(ticket.number, '/')
        self.assertIn('mlat=5.3811', ticket.map_url)
        self.assertEqual(ticket.sla_policy_id, self.policy_leak)
        self.assertEqual(ticket.sla_deadline, '2025-03-04 02:00:00')
        self.assertEqual(ticket.sla_response_deadline, '2025-03-03 04:00:00')

    def test_zone_can_be_overridden(self):
        ticket = self.file(zone_id=self.zone_b.id)
        self.assertEqual(ticket.zone_id, self.zone_b)
        self.assertEqual(ticket.team_id, self.team_b)

    def test_unknown_customer_number(self):
        count = self.Ticket.search_count([])
        with self.assertRaises(UserError):
            self.Ticket.create_complaint({'customer_number': '55555',
                                          'category_id': self.cat_leak.id})
        with self.assertRaises(UserError):
            self.Ticket.create_complaint({'category_id': self.cat_leak.id})
        with self.assertRaises(UserError):
            self.Ticket.create_complaint({'customer_number': '90001'})
        self.assertEqual(self.Ticket.search_count([]), count)

    def test_bad_coordinates(self):
        count = self.Ticket.search_count([])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.file(latitude=95.0, longitude=10.0)
        self.assertEqual(self.Ticket.search_count([]), count)

    def test_duplicate_is_linked_and_kept(self):
        first = self.file()
        second = self.file(date='2025-03-03 03:00:00')
        third = self.file(date='2025-03-03 04:00:00')
        self.assertFalse(first.duplicate_of_id)
        self.assertEqual(second.duplicate_of_id, first)
        self.assertEqual(third.duplicate_of_id, first)
        self.assertEqual(first.duplicate_count, 2)
        self.assertEqual(second.team_id, first.team_id)
        self.assertEqual(second.user_id, first.user_id)
        # Another category is not a duplicate, nor is a new one after closing.
        self.assertFalse(self.file(category=self.cat_bill).duplicate_of_id)
        (first | second | third).write({'stage_id': self.stage_done.id})
        self.assertFalse(self.file(date='2025-03-05 03:00:00').duplicate_of_id)

    def test_stage_change_notifies_customer(self):
        ticket = self.file()
        Mail = self.env['mail.mail']
        before = Mail.search([('recipient_ids', 'in', self.customer.ids)])
        ticket.write({'stage_id': self.stage_progress.id})
        mails = Mail.search([('recipient_ids', 'in', self.customer.ids)]) - before
        self.assertEqual(len(mails), 1)
        self.assertIn(ticket.number, mails.subject)
        self.assertIn('sedang ditangani', mails.subject)

    def test_every_stage_template_renders(self):
        ticket = self.file()
        Mail = self.env['mail.mail']
        for stage in (self.stage_awaiting, self.stage_progress, self.stage_done):
            before = Mail.search([('recipient_ids', 'in', self.customer.ids)])
            ticket.write({'stage_id': stage.id})
            mail = Mail.search([('recipient_ids', 'in', self.customer.ids)]) - before
            self.assertEqual(len(mail), 1, stage.name)
            self.assertIn(ticket.number, mail.subject)
        self.assertIn('/pengaduan/nilai/' + ticket.access_token, mail.body_html)

    def test_no_template_no_mail(self):
        ticket = self.file()
        self.stage_progress.customer_template_id = False
        Mail = self.env['mail.mail']
        before = Mail.search_count([('recipient_ids', 'in', self.customer.ids)])
        ticket.write({'stage_id': self.stage_progress.id})
        self.assertEqual(
            Mail.search_count([('recipient_ids', 'in', self.customer.ids)]), before)

    def test_assignment_mail_goes_to_officer_not_customer(self):
        ticket = self.file()
        self.assertTrue(ticket.user_id)
        mails = self.env['mail.mail'].search([('res_id', '=', ticket.id),
                                              ('model', '=', 'helpdesk.ticket')])
        self.assertTrue(mails)
        for mail in mails:
            self.assertNotIn(self.customer, mail.recipient_ids)

    def test_rating(self):
        ticket = self.file()
        with self.assertRaises(UserError):
            ticket.action_rate(5)
        ticket.write({'stage_id': self.stage_done.id})
        with self.assertRaises(UserError):
            ticket.action_rate(6)
        self.assertFalse(ticket.rating)
        ticket.action_rate(4, 'Cepat ditangani')
        self.assertEqual(ticket.rating, '4')
        self.assertEqual(ticket.rating_comment, 'Cepat ditangani')
        self.assertTrue(ticket.rating_date)
        self.assertIn('/pengaduan/nilai/' + ticket.access_token,
                      ticket.get_rating_url())

    def test_onchange_partner(self):
        ticket = self.Ticket.new({'partner_id': self.customer.id})
        ticket._onchange_partner_id_complaint()
        self.assertEqual(ticket.zone_id, self.zone_a)
        self.assertEqual(ticket.address, 'Jl. Teuku Umar 1')
