"""Model rules without HTTP: configuration checks, access rights, outbox,
stage notifications, the monthly recap and its XLSX."""
import json
from datetime import datetime, timedelta

import xlrd
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import at_install, post_install
from odoo.tools import mute_logger

from .common import CUSTOMER_PHONE, WaCase


@at_install(False)
@post_install(True)
class TestConfiguration(WaCase):

    def test_account_checks(self):
        for vals in ({'office_hour_from': 17, 'office_hour_to': 8},
                     {'session_timeout': 0},
                     {'rate_limit_window': 0},
                     {'request_timeout': 0},
                     {'retry_base': 100, 'retry_cap': 10},
                     {'graph_url': 'ftp://graph'}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.account.write(vals)

    def test_node_checks(self):
        node = self.env['wa.node'].create({
            'name': 'Menu uji', 'code': 'test_menu', 'text': 'Pilih', 'display': 'buttons',
            'option_ids': [(0, 0, {'key': 'a', 'title': 'A'})]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            node.write({'option_ids': [(0, 0, {'key': k, 'title': k}) for k in 'bcd']})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            node.write({'option_ids': [(0, 0, {'key': 'long', 'title': 'x' * 21})]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            node.write({'option_ids': [(0, 0, {'key': 'a', 'title': 'Lagi'})]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['wa.node'].create({'name': 'Kosong', 'code': 'empty', 'text': 'x',
                                        'action': 'menu'})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['wa.node'].create({
                'name': 'Kategori', 'code': 'cat', 'text': 'x', 'action': 'choose_category',
                'option_ids': [(0, 0, {'key': 'a', 'title': 'A'})]})
        node.invalidate_cache()
        self.assertEqual(node.option_ids.mapped('key'), ['a'])

    def test_machine_nodes_follow_the_data(self):
        nodes = self.env['wa.node']._machine_nodes()
        root = nodes['root']
        self.assertEqual([o['key'] for o in root['options']],
                         ['complaint', 'status', 'officer', 'info'])
        self.assertEqual(nodes['complaint_number']['next'], 'complaint_category')
        self.assertEqual(nodes['complaint_category']['options'][0]['value'], self.category.id)
        # staff rename an option: the bot follows
        self.env.ref('wa_chatbot.node_root').option_ids[0].title = 'Lapor gangguan'
        self.assertEqual(self.env['wa.node']._machine_nodes()['root']['options'][0]['title'],
                         'Lapor gangguan')

    def test_access_rights(self):
        user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Pembaca', 'login': 'wa_reader_test',
            'groups_id': [(6, 0, [self.env.ref('wa_chatbot.group_wa_user').id])]})
        with self.assertRaises(AccessError):
            self.account.sudo(user).write({'name': 'x'})
        with self.assertRaises(AccessError):
            self.account.sudo(self.officer).read(['app_secret'])
        with self.assertRaises(AccessError):
            self.env['wa.node'].sudo(self.officer).create({
                'name': 'x', 'code': 'x', 'text': 'x', 'action': 'info'})
        self.assertEqual(self.account.sudo(user).name, 'Test WA')
        manager = self.env.ref('customer_complaint.group_complaint_manager')
        self.assertIn(self.env.ref('wa_chatbot.group_wa_manager'), manager.implied_ids)

    def test_indonesian_translation(self):
        if not self.env['res.lang'].search([('code', '=', 'id_ID')]):
            self.env['res.lang'].load_lang('id_ID')
            self.env['ir.module.module'].search([('name', '=', 'wa_chatbot')]) \
                ._update_translations('id_ID')
        menu = self.env.ref('wa_chatbot.wa_session_menu').with_context(lang='id_ID')
        self.assertEqual(menu.name, 'Percakapan')
        selection = dict(self.env['wa.outbox'].with_context(lang='id_ID')
                         .fields_get(['state'])['state']['selection'])
        self.assertEqual(selection['queued'], 'Antre')

    def test_bot_user_cannot_log_in(self):
        bot = self.env.ref('wa_chatbot.user_wa_bot')
        self.assertFalse(bot.active)
        self.assertTrue(bot.has_group('wa_chatbot.group_wa_officer'))
        self.assertFalse(bot.has_group('wa_chatbot.group_wa_manager'))


@at_install(False)
@post_install(True)
class TestMessagesAndOutbox(WaCase):

    def _inbound(self, wamid, event, phone=CUSTOMER_PHONE):
        return self.env['wa.message'].create({
            'wamid': wamid, 'account_id': self.account.id, 'phone': phone,
            'msg_type': event['type'], 'body': event.get('text', ''),
            'payload': json.dumps(event)})

    def test_wamid_unique(self):
        self._inbound('wamid.U1', {'type': 'text', 'text': 'halo'})
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self._inbound('wamid.U1', {'type': 'text', 'text': 'halo'})

    def test_process_and_send(self):
        msg = self._inbound('wamid.P1', {'type': 'text', 'text': 'halo'})
        outbox = msg._process_all()
        self.assertEqual(msg.state, 'done')
        self.assertEqual(outbox.state, 'queued')
        self.assertEqual(outbox.msg_type, 'interactive')
        outbox._send()
        self.assertEqual(outbox.state, 'sent')
        self.assertEqual(outbox.wamid, self.graph.sent[0]['_wamid'])
        rows = self.graph.sent[0]['interactive']['action']['sections'][0]['rows']
        self.assertEqual(len(rows), 4)

    def test_backoff_is_exponential_and_gives_up(self):
        self.account.write({'max_attempts': 3, 'retry_base': 10})
        self.graph.modes = [500, 500, 500]
        msg = self._inbound('wamid.B1', {'type': 'text', 'text': 'halo'})
        out = msg._process_all()
        now = datetime(2026, 1, 5, 8, 0, 0)
        out._send(now)
        self.assertEqual(out.next_attempt, '2026-01-05 08:00:10')
        out._send(now)  # not due yet: not even tried
        self.assertEqual(out.attempts, 1)
        out._send(now + timedelta(seconds=10))
        self.assertEqual(out.next_attempt, '2026-01-05 08:00:30')
        out._send(now + timedelta(seconds=30))
        self.assertEqual(out.state, 'failed')
        self.assertEqual(out.attempts, 3)
        out.action_retry()
        self.assertEqual(out.state, 'sent')

    def test_connection_refused_is_retried(self):
        self.account.graph_url = 'http://127.0.0.1:9'
        msg = self._inbound('wamid.C1', {'type': 'text', 'text': 'halo'})
        out = msg._process_all()
        out._send()
        self.assertEqual(out.state, 'queued')
        self.assertIn('ConnectionError', out.error)

    def test_stage_change_notification_window(self):
        session = self.env['wa.session'].create({
            'account_id': self.account.id, 'phone': CUSTOMER_PHONE,
            'last_inbound': (datetime.utcnow() - timedelta(hours=2)).strftime(
                '%Y-%m-%d %H:%M:%S')})
        ticket = self.env['helpdesk.ticket'].create_complaint({
            'name': 'Pipa bocor', 'description': 'Bocor', 'partner_id': self.customer.id,
            'category_id': self.category.id, 'wa_phone': CUSTOMER_PHONE,
            'wa_session_id': session.id,
            'channel_id': self.env.ref('customer_complaint.channel_whatsapp').id})
        stage = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        ticket.stage_id = stage
        self.assertEqual(self.graph.sent[-1]['type'], 'text')
        self.assertIn(ticket.number, self.graph.sent[-1]['text']['body'])
        self.assertIn(stage.name, self.graph.sent[-1]['text']['body'])
        # outside the 24-hour window only the template may be sent
        session.last_inbound = (datetime.utcnow() - timedelta(hours=30)).strftime(
            '%Y-%m-%d %H:%M:%S')
        ticket.stage_id = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        body = self.graph.sent[-1]
        self.assertEqual(body['type'], 'template')
        self.assertEqual(body['template']['name'], 'status_pengaduan')
        self.assertEqual(body['template']['components'][0]['parameters'][0]['text'],
                         ticket.number)
        self.assertEqual(len(ticket.wa_outbox_ids), 2)

    def test_ticket_without_whatsapp_sends_nothing(self):
        ticket = self.env['helpdesk.ticket'].create_complaint({
            'name': 'Meter', 'description': 'x', 'partner_id': self.customer.id,
            'category_id': self.category.id})
        ticket.stage_id = self.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        self.assertEqual(self.graph.sent, [])


@at_install(False)
@post_install(True)
class TestInteractionRecap(WaCase):

    def setUp(self):
        super(TestInteractionRecap, self).setUp()
        Interaction = self.env['wa.interaction']
        self.env.cr.execute("DELETE FROM wa_interaction WHERE date >= '2030-01-01'")
        # office 08:00-16:00 WIB (UTC+7); times below are UTC
        rows = [('6285277601717', '11529', '2030-09-30 15:53:57', 'complaint_created'),
                ('6282370814478', '11658', '2030-09-30 09:45:49', 'handover'),
                ('6285277601717', '11529', '2030-09-24 02:24:21', 'status_listed'),
                ('628116851962', '7362', '2030-09-24 02:24:21', 'complaint_created'),
                ('628116851962', '7362', '2030-10-01 02:00:00', 'info')]
        for phone, number, date, outcome in rows:
            Interaction.create({'phone': phone, 'customer_number': number, 'date': date,
                                'outcome': outcome, 'account_id': self.account.id})

    def test_unique_id(self):
        rec = self.env['wa.interaction'].search([('date', '>=', '2030-01-01')], limit=1)
        self.assertRegex(rec.name, r'^[0-9A-F]{32}$')
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            rec.copy({'name': 'not-hex'})

    def test_monthly_recap(self):
        recap = self.env['wa.interaction.recap'].search([('month', '=', '2030-09-01')])
        self.assertEqual(recap.interaction_count, 4)
        self.assertEqual(recap.customer_count, 3)
        self.assertEqual(recap.active_day_count, 2)
        self.assertEqual(recap.complaint_count, 2)
        # 22:53 and 16:45 WIB are outside 08:00-16:00
        self.assertEqual(recap.outside_hours_count, 2)
        self.assertAlmostEqual(recap.per_day, round(4 / 30.0, 2))
        october = self.env['wa.interaction.recap'].search([('month', '=', '2030-10-01')])
        self.assertEqual(october.interaction_count, 1)

    def test_xlsx(self):
        recap = self.env['wa.interaction.recap'].search([('month', '=', '2030-09-01')])
        report = self.env.ref('wa_chatbot.wa_interaction_recap_xlsx')
        content, kind = report.with_context(
            active_model='wa.interaction.recap', lang='id_ID').render_xlsx(
            recap.ids, {})
        self.assertEqual(kind, 'xlsx')
        book = xlrd.open_workbook(file_contents=content)
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.name, 'September 2030')
        cells = [sheet.row_values(r) for r in range(sheet.nrows)]
        flat = [str(v) for row in cells for v in row]
        self.assertIn('6285277601717', flat)
        self.assertIn('11529', flat)
        self.assertIn('2030-09-30 22:53:57', flat)  # WIB, as in the report
        summary = {row[0]: row[1] for row in cells if row and row[0]}
        # labels in Indonesian, from i18n/id.po
        self.assertEqual(summary['Interaksi'], 4)
        self.assertEqual(summary['Pelanggan Berbeda'], 3)
        self.assertEqual(summary['Di Luar Jam Kantor'], 2)


@at_install(False)
@post_install(True)
class TestConversationRules(WaCase):
    """Users see what they took over and the conversations of their
    complaints, officers those of the accounts they serve, managers all."""

    def _user(self, login, group):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': login, 'login': login,
            'groups_id': [(6, 0, [self.env.ref(group).id])]})

    def _session(self, account, phone, **vals):
        session = self.env['wa.session'].create(dict(account_id=account.id, phone=phone, **vals))
        self.env['wa.message'].create({
            'wamid': 'wamid.R%s' % phone, 'account_id': account.id, 'phone': phone,
            'session_id': session.id, 'msg_type': 'text', 'payload': '{}'})
        self.env['wa.outbox'].create({
            'account_id': account.id, 'session_id': session.id, 'phone': phone,
            'payload': '{}'})
        self.env['wa.interaction'].create({
            'account_id': account.id, 'session_id': session.id, 'phone': phone,
            'outcome': 'info'})
        return session

    def test_own_team_all(self):
        other = self.account.copy({'name': 'Cabang', 'phone_number_id': '555000111',
                                   'verify_token': 'cabang', 'officer_user_ids': [(5,)]})
        reader = self._user('wa_rule_reader', 'wa_chatbot.group_wa_user')
        manager = self._user('wa_rule_manager', 'wa_chatbot.group_wa_manager')
        taken = self._session(self.account, '628111', user_id=reader.id)
        unassigned = self._session(self.account, '628222')
        elsewhere = self._session(other, '628333')
        ticket = self.env['helpdesk.ticket'].create_complaint({
            'name': 'Pipa', 'description': 'x', 'partner_id': self.customer.id,
            'category_id': self.category.id, 'wa_session_id': elsewhere.id})
        ticket.user_id = reader
        every = taken | unassigned | elsewhere
        expected = {
            reader: taken | elsewhere,        # taken over, and the one of their complaint
            self.officer: taken | unassigned,  # the account they serve
            manager: every,
            self.env.ref('wa_chatbot.user_wa_bot'): every,
        }
        for user, sessions in expected.items():
            domain = [('id', 'in', every.ids)]
            self.assertEqual(self.env['wa.session'].sudo(user).search(domain), sessions,
                             user.login)
            for model in ('wa.message', 'wa.outbox', 'wa.interaction'):
                found = self.env[model].sudo(user).search([('session_id', 'in', every.ids)])
                self.assertEqual(found.mapped('session_id'), sessions,
                                 '%s %s' % (model, user.login))
        with self.assertRaises(AccessError):
            unassigned.sudo(reader).read(['phone'])

    def test_take_over(self):
        session = self.env['wa.session'].create({
            'account_id': self.account.id, 'phone': '628444',
            'state_json': json.dumps({'node': 'root', 'step': None, 'data': {}})})
        action = session.sudo(self.officer).action_take_over()
        self.assertEqual(action['tag'], 'mail.discuss')
        self.assertEqual(session.user_id, self.officer)
        self.assertTrue(session.handover)
        self.assertEqual(json.loads(session.state_json)['step'], 'handover')
        self.assertIn(self.officer.partner_id, session.channel_id.channel_partner_ids)
        # what the officer writes there reaches the customer (window open)
        session.last_inbound = fields.Datetime.now()
        session.channel_id.sudo(self.officer).message_post(
            body='<p>Selamat siang</p>', message_type='comment', subtype='mail.mt_comment')
        self.assertEqual(self.graph.sent[-1]['text']['body'], 'Selamat siang')

    def test_complaint_officer_without_whatsapp_opens_the_ticket_form(self):
        agent = self._user('wa_rule_field_officer', 'customer_complaint.group_complaint_officer')
        session = self._session(self.account, '628555')
        ticket = self.env['helpdesk.ticket'].create_complaint({
            'name': 'Pipa', 'description': 'x', 'partner_id': self.customer.id,
            'category_id': self.category.id, 'wa_session_id': session.id,
            'wa_phone': '628555'})
        ticket.user_id = agent
        Ticket = self.env['helpdesk.ticket'].sudo(agent)
        view = Ticket.fields_view_get(view_type='form')
        self.assertNotIn('wa_outbox_ids', view['fields'])
        # what the web client reads to show the form
        values = Ticket.browse(ticket.id).read(list(view['fields']))[0]
        self.assertEqual(values['wa_phone'], '628555')
        # a chatbot user sees the messages on the same form
        reader = self._user('wa_rule_reader2', 'wa_chatbot.group_wa_user')
        self.assertIn('wa_outbox_ids', self.env['helpdesk.ticket'].sudo(reader).fields_view_get(
            view_type='form')['fields'])
