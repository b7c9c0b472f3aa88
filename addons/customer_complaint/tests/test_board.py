import datetime
import time
from datetime import date

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from .common import ComplaintCase

# The day the dashboard is looked at: its windows are the 12 months from
# April 2024 and the 30 days from 18 February 2025.
TODAY = date(2025, 3, 20)
BOARD_ACTIONS = [
    ('complaint_recap_action_board_month_category', 'graph'),
    ('complaint_recap_action_board_zone_category', 'pivot'),
    ('helpdesk_ticket_action_board_overdue', 'list'),
    ('complaint_recap_action_board_state', 'graph'),
    ('complaint_recap_action_board_sla', 'graph'),
    ('complaint_recap_action_board_zone', 'graph'),
]


class TestBoard(ComplaintCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zones = cls.zone_a | cls.zone_b
        cls.numbers = iter(range(94001, 94100))
        leak, bill = cls.cat_leak, cls.cat_bill
        a, b = cls.zone_a, cls.zone_b
        # Outside the 12 months.
        cls._closed(a, leak, '2024-03-10 02:00:00', '2024-03-10 05:00:00')
        # January and February: in the 12 months, not in the 30 days.
        cls._closed(a, leak, '2025-01-15 02:00:00', '2025-01-15 10:00:00')
        cls._closed(b, bill, '2025-01-20 02:00:00', '2025-01-20 05:00:00')
        cls.overdue_old = cls._filed(b, leak, '2025-02-10 02:00:00')
        cls.overdue_old.with_context(
            complaint_now='2025-02-15 00:00:00')._sla_update_status()
        # The last 30 days: closed on time, closed late, open within its
        # SLA, open and overdue.
        cls.met = cls._closed(a, leak, '2025-03-03 02:00:00',
                              '2025-03-03 12:00:00')
        cls.late = cls._closed(b, leak, '2025-03-03 02:00:00',
                               '2025-03-05 02:00:00')
        cls.running = cls._filed(a, bill, '2025-03-10 02:00:00')
        cls.overdue = cls._filed(a, leak, '2025-03-12 02:00:00')
        cls.overdue.with_context(
            complaint_now='2025-03-15 00:00:00')._sla_update_status()

    @classmethod
    def _filed(cls, zone, category, when):
        partner = cls.Partner.create({
            'name': 'Pelanggan Dasbor', 'zone_id': zone.id,
            'customer_number': str(next(cls.numbers))})
        return cls.Ticket.with_context(complaint_now=when).create_complaint({
            'partner_id': partner.id, 'category_id': category.id,
            'complaint_date': when, 'description': 'Uji dasbor'})

    @classmethod
    def _closed(cls, zone, category, when, closed_at):
        ticket = cls._filed(zone, category, when)
        ticket.with_context(complaint_now=closed_at).write(
            {'stage_id': cls.stage_done.id})
        return ticket

    # ------------------------------------------------------------------
    # What the web client does for each action of the board
    # ------------------------------------------------------------------

    def board_actions(self, user):
        """(action, view type, title) of each chart of the board, as the
        user's web client receives the board view."""
        view = self.env.ref('customer_complaint.complaint_board_view_form')
        arch = self.env['board.board'].sudo(user).fields_view_get(
            view.id, 'form')['arch']
        nodes = etree.fromstring(arch).xpath('//board/column/action')
        Action = self.env['ir.actions.act_window'].sudo(user)
        return [(Action.browse(int(node.get('name'))), node.get('view_mode'),
                 node.get('string')) for node in nodes]

    @staticmethod
    def evaluate(action):
        """The action's domain and context, evaluated like the web client
        does on TODAY."""
        values = {'context_today': lambda: TODAY, 'datetime': datetime,
                  'relativedelta': relativedelta, 'time': time}
        return (safe_eval(action.domain or '[]', values),
                safe_eval(action.context or '{}', values))

    def load(self, action, view_mode, user):
        """Load the action, its view and its data as the user; return the
        counts per group ({key: count}) or the records of a list."""
        data = action.read()[0]
        view_type = 'tree' if view_mode == 'list' else view_mode
        views = {kind: view_id for view_id, kind in data['views']}
        self.assertIn(view_type, views, action.name)
        Model = self.env[data['res_model']].sudo(user)
        arch = etree.fromstring(Model.load_views(
            [(views[view_type], view_type)])['fields_views'][view_type]['arch'])
        domain, context = self.evaluate(action)
        # Only this test's complaints.
        domain = domain + [('zone_id', 'in', self.zones.ids)]
        if view_type == 'tree':
            return Model.search(domain, order=arch.get('default_order'))
        if view_type == 'graph':
            groupby = context['graph_groupbys']
            measure = context.get('graph_measure') or arch.xpath(
                "//field[@type='measure']/@name")[0]
            measures = [measure]
        else:
            groupby = (context['pivot_row_groupby'] +
                       context.get('pivot_column_groupby', []))
            measures = context['pivot_measures']
        fields = [g.split(':')[0] for g in groupby] + measures
        groups = Model.read_group(domain, fields, groupby, lazy=False)
        result = {}
        for group in groups:
            # nbr is one per complaint: its sum is the count.
            self.assertEqual(group['nbr'], group['__count'], action.name)
            key = tuple(self._value(group, g) for g in groupby)
            result[key if len(key) > 1 else key[0]] = group['__count']
        return result

    @staticmethod
    def _value(group, groupby):
        field = groupby.split(':')[0]
        if field != groupby:  # date interval: the group's first day
            return next(term[2] for term in group['__domain']
                        if isinstance(term, (list, tuple)) and
                        term[0] == field and term[1] == '>=')
        value = group[field]
        return value[0] if isinstance(value, (list, tuple)) else value

    # ------------------------------------------------------------------

    def test_board_holds_the_charts(self):
        actions = self.board_actions(self.manager)
        expected = [(self.env.ref('customer_complaint.' + xmlid), mode)
                    for xmlid, mode in BOARD_ACTIONS]
        self.assertEqual([(a, mode) for a, mode, _t in actions], expected)
        for action, _mode, title in actions:
            self.assertTrue(action.exists())
            self.assertTrue(title)
        menu = self.env.ref('customer_complaint.complaint_board_menu')
        self.assertEqual(menu.action, self.env.ref(
            'customer_complaint.complaint_board_action'))
        self.assertEqual(menu.action.view_id, self.env.ref(
            'customer_complaint.complaint_board_view_form'))

    def test_charts_count_the_complaints(self):
        leak, bill = self.cat_leak.id, self.cat_bill.id
        a, b = self.zone_a.id, self.zone_b.id
        expected = {
            'complaint_recap_action_board_month_category': {
                ('2025-01-01', leak): 1, ('2025-01-01', bill): 1,
                ('2025-02-01', leak): 1,
                ('2025-03-01', leak): 3, ('2025-03-01', bill): 1},
            'complaint_recap_action_board_zone_category': {
                (a, leak): 2, (a, bill): 1, (b, leak): 1},
            'complaint_recap_action_board_state': {'open': 2, 'closed': 2},
            'complaint_recap_action_board_sla': {
                'met': 1, 'breached': 2, 'running': 1},
            'complaint_recap_action_board_zone': {a: 3, b: 1},
        }
        for user in (self.manager, self.supervisor):
            for action, mode, _title in self.board_actions(user):
                xmlid = action.get_external_id()[action.id].split('.')[1]
                result = self.load(action, mode, user)
                if xmlid == 'helpdesk_ticket_action_board_overdue':
                    # Open and breached, the longest overdue first.
                    self.assertEqual(result.ids, [self.overdue_old.id,
                                                  self.overdue.id])
                else:
                    self.assertEqual(result, expected[xmlid], xmlid)

    def test_sla_result_of_the_recap(self):
        Recap = self.env['complaint.recap'].sudo(self.manager)
        rows = Recap.search([('ticket_id', 'in', (
            self.met | self.late | self.running | self.overdue).ids)])
        result = {r.ticket_id: (r.state, r.sla_result) for r in rows}
        self.assertEqual(result, {
            self.met: ('closed', 'met'),
            self.late: ('closed', 'breached'),
            self.running: ('open', 'running'),
            self.overdue: ('open', 'breached'),
        })
        # The same split as the "resolved within SLA" percentage.
        self.assertEqual(
            {r.ticket_id: r.within_sla_rate for r in rows if r.is_closed},
            {self.met: 100.0, self.late: 0.0})

    def test_board_menu_for_supervisors_and_managers(self):
        menu = self.env.ref('customer_complaint.complaint_board_menu')
        Menu = self.env['ir.ui.menu']

        def in_menu_tree(user):
            tree = Menu.sudo(user).load_menus(False)
            ids, todo = set(), [tree]
            while todo:
                node = todo.pop()
                ids.add(node['id'])
                todo.extend(node['children'])
            return menu.id in ids

        for user in (self.manager, self.supervisor):
            self.assertIn(menu.id, Menu.sudo(user)._visible_menu_ids())
            self.assertTrue(in_menu_tree(user))
        for user in (self.helpdesk_user, self.officer_a, self.employee):
            self.assertNotIn(menu.id, Menu.sudo(user)._visible_menu_ids())
            self.assertFalse(in_menu_tree(user))

    def test_helpdesk_user_cannot_read_the_charts(self):
        for action, mode, _title in self.board_actions(self.manager):
            if action.res_model != 'complaint.recap':
                continue
            with self.assertRaises(AccessError):
                self.load(action, mode, self.helpdesk_user)
