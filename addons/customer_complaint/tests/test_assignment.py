from .common import ComplaintCase


class TestAssignment(ComplaintCase):

    def _customer(self, number, zone):
        return self.Partner.create({'name': 'P%s' % number,
                                    'customer_number': number,
                                    'zone_id': zone.id})

    def test_team_by_zone_and_category(self):
        team_bill = self.env['helpdesk.ticket.team'].create({
            'name': 'Tim Tagihan', 'user_ids': [(6, 0, self.officer_b.ids)]})
        self.env['complaint.assignment.rule'].create({
            'zone_id': self.zone_a.id, 'category_id': self.cat_bill.id,
            'team_id': team_bill.id, 'sequence': 50})
        self.assertEqual(self.file(category=self.cat_bill).team_id, team_bill)
        self.assertEqual(self.file().team_id, self.team_a)

    def test_least_loaded(self):
        users = []
        for i in range(4):
            users.append(self.file(partner=self._customer('8100%d' % i,
                                                          self.zone_a)).user_id)
        self.assertEqual(set(u.id for u in users),
                         {self.officer_a.id, self.officer_a2.id})
        loads = [u.id for u in users]
        self.assertEqual(loads.count(self.officer_a.id), 2)

    def test_round_robin(self):
        other = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'B2', 'login': 'officer_b2',
            'groups_id': [(6, 0, [self.env.ref(
                'customer_complaint.group_complaint_officer').id])]})
        self.team_b.user_ids |= other
        members = sorted((self.officer_b | other).ids)
        got = [self.file(partner=self._customer('8200%d' % i, self.zone_b)).user_id.id
               for i in range(3)]
        self.assertEqual(got, [members[0], members[1], members[0]])

    def test_manual_leaves_unassigned(self):
        self.team_a.assignment_method = 'manual'
        ticket = self.file()
        self.assertEqual(ticket.team_id, self.team_a)
        self.assertFalse(ticket.user_id)

    def test_no_rule_no_team(self):
        zone = self.env['complaint.zone'].create({'name': 'Z', 'code': 'TZ'})
        ticket = self.file(partner=self._customer('83000', zone))
        self.assertFalse(ticket.team_id)
