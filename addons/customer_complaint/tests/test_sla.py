from odoo.exceptions import ValidationError

from .common import ComplaintCase


class TestSla(ComplaintCase):

    def test_policy_negative_hours_refused(self):
        Policy = self.env['complaint.sla.policy']
        count = Policy.search_count([])
        for vals in ({'response_hours': -1, 'resolution_hours': 4},
                     {'response_hours': 1, 'resolution_hours': -4},
                     {'response_hours': 8, 'resolution_hours': 4},
                     {'response_hours': 1, 'resolution_hours': 4,
                      'time_basis': 'calendar'},
                     {'response_hours': 1, 'resolution_hours': 4,
                      'at_risk_percent': 0}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Policy.create(dict(vals, name='Salah'))
        self.assertEqual(Policy.search_count([]), count)

    def test_specific_policy_wins(self):
        urgent = self.env['complaint.sla.policy'].create({
            'name': 'Leak urgent', 'category_id': self.cat_leak.id,
            'priority': '3', 'response_hours': 1, 'resolution_hours': 6})
        self.assertEqual(self.file(priority='3').sla_policy_id, urgent)
        self.assertEqual(self.file(partner=self.customer_b).sla_policy_id,
                         self.policy_leak)

    def test_working_calendar_deadline(self):
        # Friday 14:00 Jakarta + 16 working hours (08-16): Tuesday 14:00.
        ticket = self.file(category=self.cat_bill, date='2025-03-07 07:00:00')
        self.assertEqual(ticket.sla_deadline, '2025-03-11 07:00:00')

    def test_public_holiday_in_calendar(self):
        self.env['resource.calendar.leaves'].create({
            'name': 'Libur', 'calendar_id': self.calendar.id,
            'date_from': '2025-03-09 17:00:00', 'date_to': '2025-03-10 16:59:59'})
        ticket = self.file(category=self.cat_bill, date='2025-03-07 07:00:00')
        self.assertEqual(ticket.sla_deadline, '2025-03-12 07:00:00')

    def test_status_and_breach_stays(self):
        ticket = self.file()  # deadline 2025-03-04 02:00
        Ticket = self.Ticket
        Ticket.cron_sla_escalate(now='2025-03-03 10:00:00')
        self.assertEqual(ticket.sla_status, 'on_time')
        Ticket.cron_sla_escalate(now='2025-03-03 22:00:00')
        self.assertEqual(ticket.sla_status, 'at_risk')
        Ticket.cron_sla_escalate(now='2025-03-04 03:00:00')
        self.assertEqual(ticket.sla_status, 'breached')
        # Moving the deadline (e.g. a pause) does not undo the breach.
        ticket.sudo().write({'sla_deadline': '2025-03-10 00:00:00'})
        Ticket.cron_sla_escalate(now='2025-03-04 04:00:00')
        self.assertEqual(ticket.sla_status, 'breached')
        ticket.with_context(complaint_now='2025-03-04 05:00:00').write(
            {'stage_id': self.stage_done.id})
        self.assertEqual(ticket.sla_status, 'breached')

    def test_closed_in_time(self):
        ticket = self.file()
        self.Ticket.cron_sla_escalate(now='2025-03-03 22:00:00')
        self.assertEqual(ticket.sla_status, 'at_risk')
        ticket.with_context(complaint_now='2025-03-03 23:00:00').write(
            {'stage_id': self.stage_done.id})
        self.assertEqual(ticket.closed_date, '2025-03-03 23:00:00')
        self.assertEqual(ticket.sla_status, 'on_time')

    def test_first_response(self):
        ticket = self.file()
        ticket.with_context(complaint_now='2025-03-03 03:30:00').write(
            {'stage_id': self.stage_progress.id})
        self.assertEqual(ticket.first_response_date, '2025-03-03 03:30:00')

    def test_pause_moves_deadline(self):
        ticket = self.file()  # 24 h around the clock, deadline Tue 02:00
        ticket.with_context(complaint_now='2025-03-03 12:00:00').write(
            {'stage_id': self.stage_awaiting.id})
        self.assertEqual(ticket.sla_paused_since, '2025-03-03 12:00:00')
        self.assertAlmostEqual(ticket.sla_remaining_hours, 14.0)
        # Paused: the cron does not advance the status.
        self.Ticket.cron_sla_escalate(now='2025-03-05 00:00:00')
        self.assertEqual(ticket.sla_status, 'on_time')
        ticket.with_context(complaint_now='2025-03-05 00:00:00').write(
            {'stage_id': self.stage_progress.id})
        self.assertFalse(ticket.sla_paused_since)
        self.assertEqual(ticket.sla_deadline, '2025-03-05 14:00:00')
        self.assertEqual(ticket.sla_status, 'on_time')

    def test_escalation_once_per_level(self):
        ticket = self.file()
        leader = self.team_a.leader_id
        Escalation = self.env['complaint.escalation']
        self.Ticket.cron_sla_escalate(now='2025-03-03 22:00:00')
        self.Ticket.cron_sla_escalate(now='2025-03-03 23:00:00')
        escalations = Escalation.search([('ticket_id', '=', ticket.id)])
        self.assertEqual(escalations.mapped('level'), ['at_risk'])
        self.assertEqual(escalations.user_id, leader)
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket.id),
            ('user_id', '=', leader.id)])
        self.assertEqual(len(activities), 1)
        self.Ticket.cron_sla_escalate(now='2025-03-04 03:00:00')
        self.Ticket.cron_sla_escalate(now='2025-03-04 04:00:00')
        escalations = Escalation.search([('ticket_id', '=', ticket.id)])
        self.assertEqual(sorted(escalations.mapped('level')),
                         ['at_risk', 'breached'])
        self.assertIn(leader.partner_id, ticket.message_partner_ids)

    def test_escalation_skips_closed(self):
        ticket = self.file()
        ticket.write({'stage_id': self.stage_done.id})
        escalated = self.Ticket.cron_sla_escalate(now='2025-03-09 00:00:00')
        self.assertNotIn(ticket, escalated)
        self.assertFalse(ticket.escalation_ids)
