"""The webhook over real HTTP, against the fake Graph API."""
import base64
import json
import re
from datetime import datetime, timedelta

from odoo.tests.common import at_install, post_install

from ..controllers.main import WhatsAppWebhook
from ..models import wa_dispatch
from ..models.wa_message import WaMessage
from ..tools import signature
from .common import (APP_SECRET, CUSTOMER_PHONE, IMAGE, VERIFY_TOKEN, WaHttpCase, text_msg,
                     webhook)


@at_install(False)
@post_install(True)
class TestWebhookSecurity(WaHttpCase):

    def _get(self, params):
        self.opener.cookies.clear()
        return self.opener.get('http://127.0.0.1:%d/whatsapp/webhook' % self._port(),
                               params=params, timeout=10)

    def test_handshake(self):
        ok = self._get({'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN,
                        'hub.challenge': '1158201444'})
        self.assertEqual(ok.status_code, 200)
        self.assertEqual(ok.text, '1158201444')
        wrong = self._get({'hub.mode': 'subscribe', 'hub.verify_token': 'nope',
                           'hub.challenge': '1158201444'})
        self.assertEqual(wrong.status_code, 403)
        self.assertNotIn('1158201444', wrong.text)
        self.assertEqual(self._get({'hub.verify_token': VERIFY_TOKEN,
                                    'hub.challenge': 'x'}).status_code, 403)

    def test_bad_and_missing_signature_store_nothing(self):
        payload = webhook([text_msg('wamid.SIG1', 'halo')])
        body = json.dumps(payload).encode()
        for headers in ({}, {'X-Hub-Signature-256': signature.sign('wrong-secret', body)},
                        {'X-Hub-Signature-256': 'sha256=' + '0' * 64},
                        {'X-Hub-Signature-256': signature.sign(APP_SECRET, body + b' ')}):
            headers['Content-Type'] = 'application/json'
            resp = self.post_raw(body, headers)
            self.assertEqual(resp.status_code, 403)
        self.env.cache.invalidate()
        self.assertFalse(self.env['wa.message'].search([('wamid', '=', 'wamid.SIG1')]))
        self.assertEqual(self.graph.sent, [])

    def test_signature_from_server_config(self):
        """The app secret may live in the server configuration only."""
        from odoo.tools import config
        self.account.app_secret = False
        self.env.cr.commit()
        self.patch(type(config), 'get', lambda self, key, default=None:
                   'config-secret' if key == 'wa_app_secret' else self.options.get(key, default))
        self.assertEqual(self.post(webhook([text_msg('wamid.CFG', 'halo')])).status_code, 403)
        resp = self.post(webhook([text_msg('wamid.CFG', 'halo')]), secret='config-secret')
        self.assertEqual(resp.status_code, 200)

    def test_rotated_app_secret_applies_at_once(self):
        """The webhook keeps the accounts' secrets per worker: changing one
        refreshes them."""
        self.assertEqual(self.post(webhook([text_msg('wamid.ROT1', 'halo')])).status_code, 200)
        self.account.app_secret = 'rotated-secret'
        self.env.cr.commit()
        self.assertEqual(self.post(webhook([text_msg('wamid.ROT2', 'halo')])).status_code, 403)
        resp = self.post(webhook([text_msg('wamid.ROT2', 'halo')]), secret='rotated-secret')
        self.assertEqual(resp.status_code, 200)
        self.account.active = False
        self.env.cr.commit()
        resp = self.post(webhook([text_msg('wamid.ROT3', 'halo')]), secret='rotated-secret')
        self.assertEqual(resp.status_code, 403)
        self.assertEqual(self.env['wa.message'].search_count(
            [('wamid', 'in', ['wamid.ROT1', 'wamid.ROT2', 'wamid.ROT3'])]), 2)

    def test_malformed_json_and_foreign_payload(self):
        for body in (b'{"object": "whatsapp_business_account", ', b'\xff\xfe',
                     b'[1, 2]', b'{"entry": [{"changes": ["x"]}]}'):
            resp = self.post_raw(body, {'Content-Type': 'application/json',
                                        'X-Hub-Signature-256': signature.sign(APP_SECRET, body)})
            self.assertEqual(resp.status_code, 400, body)

    def test_body_size_limit(self):
        self.env['ir.config_parameter'].set_param('wa_chatbot.max_body_bytes', '2000')
        self.env.cr.commit()
        resp = self.post(webhook([text_msg('wamid.BIG', 'x' * 3000)]))
        self.assertEqual(resp.status_code, 413)
        self.assertFalse(self.env['wa.message'].search([('wamid', '=', 'wamid.BIG')]))


@at_install(False)
@post_install(True)
class TestWebhookConversation(WaHttpCase):

    def _file_complaint_until_confirm(self):
        self.assertEqual(self.send_text('halo').status_code, 200)
        self.send_choice('complaint')
        self.send_text('98765')
        self.send_choice('cat_leak')
        self.send_text('Pipa di depan rumah bocor sejak tadi pagi')
        self.send_msg({'type': 'location', 'location': {
            'latitude': 5.3812, 'longitude': 95.9601, 'name': 'Depan rumah',
            'address': 'Jl. Teuku Umar 7, Sigli'}})
        self.send_msg({'type': 'image', 'image': {'id': 'MEDIA123', 'mime_type': 'image/jpeg'}})

    def test_full_complaint_conversation(self):
        self._file_complaint_until_confirm()
        self.assertIn('Ringkasan pengaduan', self.graph.texts()[-1])
        self.assertEqual(self.graph.sent[-1]['interactive']['type'], 'button')
        resp = self.send_choice('yes')
        self.assertEqual(resp.status_code, 200)
        ticket = self.env['helpdesk.ticket'].search([('wa_phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.category_id, self.category)
        self.assertEqual(ticket.channel_id, self.env.ref('customer_complaint.channel_whatsapp'))
        self.assertAlmostEqual(ticket.latitude, 5.3812, places=4)
        self.assertIn('bocor', ticket.description)
        attachment = self.env['ir.attachment'].search([('res_model', '=', 'helpdesk.ticket'),
                                                       ('res_id', '=', ticket.id)])
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.mimetype, 'image/jpeg')
        self.assertEqual(base64.b64decode(attachment.datas), IMAGE)
        self.assertIn(ticket.number, self.graph.texts()[-1])
        # replies carry the token and go to the configured phone number id
        self.assertEqual(self.graph.sent[-1]['_auth'], 'Bearer test-token')
        self.assertEqual(self.graph.sent[-1]['_path'], '/v20.0/109876543210/messages')
        self.assertEqual(self.graph.sent[-1]['to'], CUSTOMER_PHONE)
        log = self.env['wa.interaction'].search([('phone', '=', CUSTOMER_PHONE),
                                                 ('outcome', '=', 'complaint_created')])
        self.assertEqual(len(log), 1)
        self.assertTrue(re.match(r'^[0-9A-F]{32}$', log.name))
        self.assertEqual(log.customer_number, '98765')
        self.assertEqual(log.intent, 'complaint')
        self.assertEqual(log.ticket_id, ticket)
        # every inbound message was stored and processed once
        messages = self.env['wa.message'].search([('phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(len(messages), 8)
        self.assertEqual(set(messages.mapped('state')), {'done'})
        # status check finds it
        self.send_choice('status')
        self.send_text(ticket.number)
        # the answer, then the main menu again
        self.assertIn(ticket.number, self.graph.texts()[-2])
        self.assertIn(ticket.stage_id.name, self.graph.texts()[-2])
        self.assertIn('Halo KruengBaro!', self.graph.texts()[-1])

    def test_same_wamid_ten_times_files_one_complaint(self):
        self._file_complaint_until_confirm()
        sent_before = len(self.graph.sent)
        for _i in range(10):
            self.assertEqual(self.send_choice('yes', wamid='wamid.CONFIRM').status_code, 200)
        tickets = self.env['helpdesk.ticket'].search([('wa_phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(len(tickets), 1)
        self.assertEqual(self.env['wa.message'].search_count(
            [('wamid', '=', 'wamid.CONFIRM')]), 1)
        self.assertEqual(len(self.graph.sent), sent_before + 1)

    def test_unknown_customer_number(self):
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('55555')
        self.assertIn('55555 tidak ditemukan', self.graph.texts()[-1])
        self.assertTrue(self.env['wa.interaction'].search(
            [('phone', '=', CUSTOMER_PHONE), ('outcome', '=', 'customer_not_found')]))
        self.assertFalse(self.env['helpdesk.ticket'].search([('wa_phone', '=', CUSTOMER_PHONE)]))

    def test_other_phone_must_confirm_identity(self):
        self.customer.mobile = '0811111111'
        self.env.cr.commit()
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('98765')
        self.assertIn('B*** S***', self.graph.texts()[-1])
        self.assertNotIn('Budi', self.graph.texts()[-1])
        self.send_choice('yes')
        self.assertIn('jenis keluhan', self.graph.texts()[-1])

    def test_unsupported_types_get_a_polite_answer(self):
        self.send_text('halo')
        for kind in ('sticker', 'audio'):
            resp = self.send_msg({'type': kind, kind: {'id': 'X', 'mime_type': 'audio/ogg'}})
            self.assertEqual(resp.status_code, 200)
            self.assertIn('Maaf, pesan jenis ini belum dapat kami proses', self.graph.texts()[-1])
        self.assertEqual(self.env['wa.interaction'].search_count(
            [('phone', '=', CUSTOMER_PHONE), ('outcome', '=', 'unsupported')]), 2)

    def test_giant_text(self):
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('98765')
        self.send_choice('cat_leak')
        resp = self.send_text('bocor ' * 200000)  # 1.2 MB, under Meta's 3 MB
        self.assertEqual(resp.status_code, 200)
        session = self.env['wa.session'].search([('phone', '=', CUSTOMER_PHONE)])
        state = json.loads(session.state_json)
        self.assertEqual(state['node'], 'complaint_location')
        self.assertEqual(len(state['data']['description']), 4000)
        self.assertTrue(all(len(t) <= 4096 for t in self.graph.texts()))

    def test_reset_words_and_expiry(self):
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('BATAL')
        self.assertIn('dibatalkan', self.graph.sent[-2]['text']['body'])
        session = self.env['wa.session'].search([('phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(json.loads(session.state_json)['node'], 'root')
        self.send_choice('complaint')
        session.last_activity = '2020-01-01 00:00:00'
        self.env.cr.commit()
        self.send_text('98765')  # the session expired: main menu again
        self.env.cache.invalidate()
        self.assertEqual(json.loads(session.state_json)['node'], 'root')
        self.assertIn('Halo KruengBaro!', self.graph.texts()[-1])

    def test_rate_limit_per_phone(self):
        self.account.rate_limit_count = 3
        self.env.cr.commit()
        for i in range(3):
            self.send_text('halo %d' % i)
        sent = len(self.graph.sent)
        for i in range(2):
            self.assertEqual(self.send_text('banjir %d' % i).status_code, 200)
        states = self.env['wa.message'].search(
            [('phone', '=', CUSTOMER_PHONE)], order='id').mapped('state')
        self.assertEqual(states, ['done', 'done', 'done', 'ignored', 'ignored'])
        self.assertEqual(len(self.graph.sent), sent)

    def test_status_events_update_outbox(self):
        self.send_text('halo')
        out = self.env['wa.outbox'].search([('phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(out.state, 'sent')
        wamid = out.wamid
        status = lambda st: {'id': wamid, 'status': st, 'timestamp': '1727740440',
                             'recipient_id': CUSTOMER_PHONE}
        self.post(webhook(statuses=[status('delivered')]))
        self.assertEqual(out.state, 'delivered')
        self.post(webhook(statuses=[status('read'), status('delivered')]))
        self.assertEqual(out.state, 'read')
        self.post(webhook(statuses=[dict(status('failed'), errors=[
            {'code': 131047, 'title': 'Re-engagement message'}])]))
        self.assertEqual(out.state, 'failed')
        self.assertIn('131047', out.error)


@at_install(False)
@post_install(True)
class TestWebhookFailures(WaHttpCase):

    def _outbox(self):
        return self.env['wa.outbox'].search([('phone', '=', CUSTOMER_PHONE)], order='id')

    def test_graph_500_then_recovery(self):
        self.graph.modes = [500]
        resp = self.send_text('halo')
        self.assertEqual(resp.status_code, 200)
        out = self._outbox()
        self.assertEqual(out.state, 'queued')
        self.assertEqual(out.attempts, 1)
        self.assertEqual(out.error_code, '1')
        self.assertTrue(out.next_attempt)
        self.assertEqual(self.graph.sent, [])
        # not due yet: nothing sent
        self.env['wa.outbox']._cron_send(now=datetime.utcnow())
        self.assertEqual(self.graph.sent, [])
        self.env['wa.outbox']._cron_send(now=datetime.utcnow() + timedelta(minutes=5))
        self.assertEqual(out.state, 'sent')
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])

    def test_graph_timeout_then_recovery(self):
        self.graph.modes = ['timeout']
        resp = self.send_text('halo')
        self.assertEqual(resp.status_code, 200)
        self.assertLess(resp.elapsed.total_seconds(), 5)
        out = self._outbox()
        self.assertEqual(out.state, 'queued')
        self.assertIn('Timeout', out.error)
        self.env['wa.outbox']._cron_send(now=datetime.utcnow() + timedelta(minutes=5))
        self.assertEqual(out.state, 'sent')

    def test_graph_down_costs_one_timeout_and_keeps_order(self):
        self.send_text('halo')
        self.graph.modes = ['timeout']
        resp = self.send_text('apa ini')  # two replies: an apology and the menu
        self.assertEqual(resp.status_code, 200)
        self.assertEqual(self.graph.posts, 2)  # the second reply waits behind the first
        apology, menu = self._outbox()[1:]
        self.assertEqual((apology.state, menu.state), ('queued', 'queued'))
        self.assertFalse(menu.attempts)
        # the cron sends them later, in order
        self.env['wa.outbox']._cron_send(now=datetime.utcnow() + timedelta(minutes=5))
        self.assertEqual((apology.state, menu.state), ('sent', 'sent'))
        self.assertIn('pilihan tidak dikenali', self.graph.texts()[-2])
        self.assertIn('Halo KruengBaro!', self.graph.texts()[-1])

    def test_throughput_limits_back_off(self):
        self.graph.modes = [(400, 130429), (400, 131056), (429, 4)]
        self.send_text('halo')
        out = self._outbox()
        base = datetime.utcnow()
        delays = []
        for minutes in (10, 20, 40):
            self.assertEqual(out.state, 'queued')
            delays.append(out.next_attempt)
            self.env['wa.outbox']._cron_send(now=base + timedelta(minutes=minutes))
        self.assertEqual(out.state, 'sent')
        self.assertEqual(out.attempts, 4)
        self.assertEqual(len(set(delays)), 3)

    def test_permanent_error_fails(self):
        self.graph.modes = [(400, 131026)]
        self.send_text('halo')
        out = self._outbox()
        self.assertEqual(out.state, 'failed')
        self.assertEqual(out.error_code, '131026')

    def test_processing_failure_is_recorded_and_retried(self):
        original = WaMessage._process

        def broken(self, now=None):
            raise RuntimeError('database hiccup')
        self.patch(WaMessage, '_process', broken)
        resp = self.send_text('halo', wamid='wamid.FAIL')
        self.assertEqual(resp.status_code, 200)
        msg = self.env['wa.message'].search([('wamid', '=', 'wamid.FAIL')])
        self.assertEqual(msg.state, 'failed')
        self.assertIn('database hiccup', msg.error)
        self.assertEqual(self.graph.sent, [])
        # Meta retries the delivery: still stored once
        self.send_text('halo', wamid='wamid.FAIL')
        self.assertEqual(self.env['wa.message'].search_count([('wamid', '=', 'wamid.FAIL')]), 1)
        self.patch(WaMessage, '_process', original)
        self.env['wa.message']._cron_retry()
        self.assertEqual(msg.state, 'done')
        self.assertEqual(msg.attempts, 2)
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])

    def test_stored_but_never_processed_is_picked_up_once(self):
        """The processing after the answer never ran (its thread died): the
        message is stored, and the cron processes it exactly once."""
        self.patch(wa_dispatch, 'process_conversation', lambda *args: None)
        resp = self.send_text('halo', wamid='wamid.LOST')
        self.assertEqual(resp.status_code, 200)
        msg = self.env['wa.message'].search([('wamid', '=', 'wamid.LOST')])
        self.assertEqual(msg.state, 'received')
        self.assertEqual(self.graph.sent, [])
        self.env['wa.message']._cron_retry(now=datetime.utcnow())
        self.assertEqual(msg.state, 'received')  # too fresh: may still be in progress
        later = datetime.utcnow() + timedelta(minutes=10)
        self.env['wa.message']._cron_retry(now=later)
        self.assertEqual(msg.state, 'done')
        self.env['wa.message']._cron_retry(now=later)
        self.env.cache.invalidate()
        self.assertEqual((msg.state, msg.attempts), ('done', 1))
        self.assertEqual(len(self.graph.sent), 1)

    def test_answer_comes_before_processing(self):
        """Outside tests the webhook answers once the message is committed
        and hands the conversation to the dispatcher after the answer."""
        handed = []
        self.patch(wa_dispatch.dispatcher, 'submit', lambda *args: handed.append(args))
        self.patch(WhatsAppWebhook, '_process_inline', lambda self, registry: False)
        resp = self.send_text('halo', wamid='wamid.ASYNC')
        self.assertEqual(resp.status_code, 200)
        msg = self.env['wa.message'].search([('wamid', '=', 'wamid.ASYNC')])
        self.assertEqual(msg.state, 'received')
        self.assertEqual(self.graph.sent, [])
        self.assertEqual(len(handed), 1)
        dbname, uid, context, keys = handed[0]
        self.assertEqual(keys, [(self.account.id, CUSTOMER_PHONE)])
        self.assertEqual(uid, self.env.ref('wa_chatbot.user_wa_bot').id)
        self.assertTrue(wa_dispatch.process_conversation(dbname, uid, context, *keys[0]))
        self.env.cache.invalidate()
        self.assertEqual(msg.state, 'done')
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])

    def test_missing_media_is_noted_on_ticket(self):
        self.graph.missing_media.add('GONE')
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('98765')
        self.send_choice('cat_leak')
        self.send_text('Meter bocor')
        self.send_choice('skip')
        self.send_msg({'type': 'image', 'image': {'id': 'GONE'}})
        self.send_choice('yes')
        ticket = self.env['helpdesk.ticket'].search([('wa_phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(len(ticket), 1)
        self.assertIn('GONE', ' '.join(ticket.message_ids.mapped('body')))

    def test_officer_handover_both_ways(self):
        self.send_text('halo')
        self.send_choice('officer')
        session = self.env['wa.session'].search([('phone', '=', CUSTOMER_PHONE)])
        self.assertTrue(session.handover)
        channel = session.channel_id
        self.assertIn(self.officer.partner_id, channel.channel_partner_ids)
        self.send_text('Tolong, air keruh sekali')
        self.assertIn('air keruh', ' '.join(channel.message_ids.mapped('body')))
        n = len(self.graph.sent)
        channel.sudo(self.officer).message_post(
            body='<p>Baik Bapak, petugas segera datang.</p>', message_type='comment',
            subtype='mail.mt_comment')
        self.assertEqual(len(self.graph.sent), n + 1)
        self.assertEqual(self.graph.sent[-1]['text']['body'], 'Baik Bapak, petugas segera datang.')
        out = self.env['wa.outbox'].search([('origin', '=', 'officer')])
        self.assertEqual(out.state, 'sent')
        # "menu" gives the customer back to the chatbot
        self.send_text('menu')
        self.assertFalse(session.handover)
        self.assertIn('Halo KruengBaro!', self.graph.texts()[-1])


@at_install(False)
@post_install(True)
class TestOfficerFromTicket(WaHttpCase):
    """An officer answers from the complaint's chatter; the customer's
    answers come back there."""

    def setUp(self):
        super(TestOfficerFromTicket, self).setUp()
        self.send_text('halo')
        self.send_choice('complaint')
        self.send_text('98765')
        self.send_choice('cat_leak')
        self.send_text('Meter bocor')
        self.send_choice('skip')
        self.send_choice('skip')
        self.send_choice('yes')
        self.ticket = self.env['helpdesk.ticket'].search([('wa_phone', '=', CUSTOMER_PHONE)])
        self.assertEqual(len(self.ticket), 1)
        self.session = self.ticket.wa_session_id
        # a complaint officer without any WhatsApp group, handling the complaint
        self.agent = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Petugas Lapangan', 'login': 'wa_field_officer_test',
            'email': 'lapangan@example.com',
            'groups_id': [(6, 0, [self.env.ref('customer_complaint.group_complaint_officer').id,
                                  self.env.ref('base.group_user').id])]})
        self.ticket.user_id = self.agent

    def _post(self, body, subtype='mail.mt_comment'):
        return self.ticket.sudo(self.agent).message_post(
            body=body, message_type='comment', subtype=subtype)

    def test_chatter_reply_reaches_the_customer_and_back(self):
        n = len(self.graph.sent)
        self._post('<p>Petugas kami datang jam 14.00, Bapak.</p>')
        self.assertEqual(len(self.graph.sent), n + 1)
        self.assertEqual(self.graph.sent[-1]['to'], CUSTOMER_PHONE)
        self.assertEqual(self.graph.sent[-1]['text']['body'],
                         'Petugas kami datang jam 14.00, Bapak.')
        out = self.env['wa.outbox'].search([('origin', '=', 'officer')])
        self.assertEqual((out.state, out.ticket_id), ('sent', self.ticket))
        self.session.invalidate_cache()
        self.assertTrue(self.session.handover)
        self.assertEqual(self.session.user_id, self.agent)
        self.assertEqual(self.session.handover_ticket_id, self.ticket)
        # an internal note stays internal
        self._post('<p>Catatan: pipa 2 inci</p>', subtype='mail.mt_note')
        self.assertEqual(len(self.graph.sent), n + 1)
        # the customer's answer goes to the complaint, the chatbot stays silent
        self.send_text('Baik, saya tunggu di rumah')
        self.assertEqual(len(self.graph.sent), n + 1)
        note = self.ticket.message_ids.filtered(lambda m: 'saya tunggu di rumah' in (m.body or ''))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.customer)
        self.assertIn(self.agent.partner_id, note.partner_ids)
        # "menu" gives the customer back to the chatbot
        self.send_text('menu')
        self.session.invalidate_cache()
        self.assertFalse(self.session.handover)
        self.assertFalse(self.session.handover_ticket_id)
        self.assertIn('Halo KruengBaro!', self.graph.texts()[-1])
        self.send_text('1')
        self.assertEqual(len(self.ticket.message_ids.filtered(
            lambda m: (m.body or '').endswith(': 1</p>'))), 0)

    def test_outside_the_window_the_text_waits_for_the_customer(self):
        self.session.last_inbound = (datetime.utcnow() - timedelta(hours=30)).strftime(
            '%Y-%m-%d %H:%M:%S')
        n = len(self.graph.sent)
        self._post('<p>Meter sudah diganti.</p>')
        # only the approved template may go now
        self.assertEqual(len(self.graph.sent), n + 1)
        self.assertEqual(self.graph.sent[-1]['type'], 'template')
        held = self.env['wa.outbox'].search([('origin', '=', 'officer')])
        self.assertEqual(held.state, 'waiting')
        self.assertIn('24', self.ticket.message_ids[0].body)
        self.env['wa.outbox']._cron_send()
        self.assertEqual(held.state, 'waiting')
        # the customer writes: the window opens and the officer's text goes first
        self.send_text('Ada kabar?')
        held.invalidate_cache()
        self.assertEqual(held.state, 'sent')
        self.assertEqual(self.graph.sent[n + 1]['text']['body'], 'Meter sudah diganti.')
