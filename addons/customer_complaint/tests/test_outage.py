from odoo.exceptions import UserError

from .common import ComplaintCase


class TestOutage(ComplaintCase):

    def setUp(self):
        super().setUp()
        params = self.env['ir.config_parameter'].sudo()
        params.set_param('customer_complaint.outage_threshold', '3')
        params.set_param('customer_complaint.outage_window_hours', '4')
        self.customers = self.Partner
        for i in range(6):
            self.customers |= self.Partner.create({
                'name': 'Warga %d' % i, 'customer_number': '7700%d' % i,
                'email': 'warga%d@example.com' % i, 'zone_id': self.zone_a.id})

    def _file(self, i, hour):
        return self.file(partner=self.customers[i],
                         date='2025-03-03 %02d:00:00' % hour)

    def test_outage_forms_and_grows(self):
        first = self._file(0, 1)
        second = self._file(1, 2)
        self.assertFalse(first.outage_id)
        third = self._file(2, 4)
        outage = third.outage_id
        self.assertTrue(outage)
        self.assertEqual(outage.zone_id, self.zone_a)
        self.assertEqual(outage.ticket_ids, first | second | third)
        fourth = self._file(3, 9)
        self.assertEqual(fourth.outage_id, outage)
        # Another category (billing) does not join.
        self.assertFalse(self.file(partner=self.customers[4],
                                   category=self.cat_bill).outage_id)

    def test_outside_window_no_outage(self):
        self._file(0, 1)
        self._file(1, 6)
        self.assertFalse(self._file(2, 11).outage_id)
        self.assertFalse(self.env['complaint.outage'].search(
            [('zone_id', '=', self.zone_a.id)]))

    def test_close_outage_with_one_message(self):
        tickets = self._file(0, 1) | self._file(1, 2) | self._file(2, 3)
        outage = tickets[0].outage_id
        Outage = outage.sudo(self.supervisor)
        with self.assertRaises(UserError):
            Outage.action_close('  ')
        self.assertEqual(outage.state, 'open')
        Outage.action_close('Perbaikan pipa induk selesai, air kembali mengalir.')
        self.assertEqual(outage.state, 'closed')
        for ticket in tickets:
            self.assertTrue(ticket.stage_id.closed)
            messages = ticket.message_ids.filtered(
                lambda m: 'pipa induk' in (m.body or ''))
            self.assertEqual(len(messages), 1)
            self.assertIn(ticket.partner_id, messages.partner_ids)
        with self.assertRaises(UserError):
            Outage.action_close('lagi')
