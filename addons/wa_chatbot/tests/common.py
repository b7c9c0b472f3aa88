"""Shared fixtures: a fake Graph API on 127.0.0.1 and signed webhook calls."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.tests.common import HttpCase, TransactionCase

from ..tools import signature

APP_SECRET = 'test-app-secret'
VERIFY_TOKEN = 'test-verify-token'
PHONE_NUMBER_ID = '109876543210'
CUSTOMER_PHONE = '6281234567890'
IMAGE = b'\xff\xd8\xff\xe0fake-jpeg-bytes'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def _answer(self, status, data, content_type='application/json'):
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        try:
            self.send_response(status)
            self.send_header('Content-Type', content_type)
            self.send_header('Content-Length', str(len(body)))
            # each test has its own server: no connection may outlive it
            self.send_header('Connection', 'close')
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        graph = self.server.graph
        graph.requests.append({'method': 'GET', 'path': self.path,
                               'auth': self.headers.get('Authorization')})
        if self.path.startswith('/media/'):
            return self._answer(200, IMAGE, 'image/jpeg')
        media_id = self.path.rstrip('/').split('/')[-1]
        if media_id in graph.missing_media:
            return self._answer(404, {'error': {'code': 100, 'message': 'not found'}})
        return self._answer(200, {'url': '%s/media/%s' % (graph.url, media_id),
                                  'mime_type': 'image/jpeg', 'id': media_id})

    def do_POST(self):
        graph = self.server.graph
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length)
        with graph.lock:
            graph.posts += 1
            mode = graph.modes.pop(0) if graph.modes else 'ok'
        if mode == 'timeout':
            time.sleep(graph.sleep)
            return self._answer(200, {'messages': [{'id': 'wamid.late'}]})
        if mode == 500:
            return self._answer(500, {'error': {'code': 1, 'message': 'Internal error'}})
        if isinstance(mode, tuple):  # (http status, Graph error code)
            return self._answer(mode[0], {'error': {'code': mode[1], 'message': 'limit'}})
        body = json.loads(raw.decode())
        with graph.lock:
            graph.seq += 1
            wamid = 'wamid.OUT%04d' % graph.seq
            graph.sent.append(dict(body, _path=self.path,
                                   _auth=self.headers.get('Authorization'), _wamid=wamid))
        return self._answer(200, {'messaging_product': 'whatsapp',
                                  'contacts': [{'input': body.get('to'), 'wa_id': body.get('to')}],
                                  'messages': [{'id': wamid}]})


class FakeGraph(object):
    """The Graph API, as far as the chatbot uses it. ``modes`` lists how
    the next POSTs are answered: 'ok', 500, 'timeout' or (status, code)."""

    def __init__(self):
        self.server = ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *a: None
        self.server.graph = self
        self.url = 'http://127.0.0.1:%d' % self.server.server_address[1]
        self.lock = threading.Lock()
        self.sent, self.requests, self.modes = [], [], []
        self.missing_media = set()
        self.seq = 0
        self.posts = 0
        self.sleep = 1.5
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def texts(self):
        """Every text the customer got, interactive bodies included."""
        out = []
        for body in self.sent:
            if body['type'] == 'text':
                out.append(body['text']['body'])
            elif body['type'] == 'interactive':
                out.append(body['interactive']['body']['text'])
            else:
                out.append(body['type'])
        return out


def text_msg(wamid, body, sender=CUSTOMER_PHONE):
    return {'from': sender, 'id': wamid, 'timestamp': '1727740437', 'type': 'text',
            'text': {'body': body}}


def choice_msg(wamid, ident, title='', sender=CUSTOMER_PHONE):
    return {'from': sender, 'id': wamid, 'timestamp': '1727740437', 'type': 'interactive',
            'interactive': {'type': 'list_reply', 'list_reply': {'id': ident, 'title': title}}}


def webhook(messages=(), statuses=(), phone_number_id=PHONE_NUMBER_ID):
    value = {'messaging_product': 'whatsapp',
             'metadata': {'display_phone_number': '62651000000',
                          'phone_number_id': phone_number_id},
             'contacts': [{'profile': {'name': 'Budi Santoso'}, 'wa_id': CUSTOMER_PHONE}]}
    if messages:
        value['messages'] = list(messages)
    if statuses:
        value['statuses'] = list(statuses)
    return {'object': 'whatsapp_business_account',
            'entry': [{'id': 'WABA1', 'changes': [{'field': 'messages', 'value': value}]}]}


class WaSetupMixin(object):

    def _setup_wa(self, graph_url):
        env = self.env
        self.category = env.ref('customer_complaint.category_pipe_leak')
        self.account = env['wa.account'].create({
            'name': 'Test WA',
            'phone_number_id': PHONE_NUMBER_ID,
            'access_token': 'test-token',
            'app_secret': APP_SECRET,
            'verify_token': VERIFY_TOKEN,
            'graph_url': graph_url,
            'api_version': 'v20.0',
            'request_timeout': 0.5,
            'root_node_id': env.ref('wa_chatbot.node_root').id,
            'rate_limit_count': 50,
        })
        # the demo account must not catch the test's messages
        env.ref('wa_chatbot.wa_account_demo').write({'active': False})
        self.customer = env['res.partner'].create({
            'name': 'Budi Santoso', 'customer_number': '98765',
            'mobile': '0812-3456-7890', 'street': 'Jl. Teuku Umar 7, Sigli'})
        self.officer = env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Petugas WA', 'login': 'wa_officer_test', 'email': 'petugas@example.com',
            'groups_id': [(6, 0, [env.ref('wa_chatbot.group_wa_officer').id,
                                  env.ref('base.group_user').id])]})
        self.account.officer_user_ids = [(4, self.officer.id)]


class WaCase(WaSetupMixin, TransactionCase):

    def setUp(self):
        super(WaCase, self).setUp()
        self.graph = FakeGraph()
        self.addCleanup(self.graph.stop)
        self._setup_wa(self.graph.url)


class WaHttpCase(WaSetupMixin, HttpCase):
    """The webhook driven over HTTP. In Odoo 11 the HTTP server of the test
    uses the registry's test cursor, not ``self.cr``: the test works on that
    cursor too so that both sides see the same data."""

    def setUp(self):
        super(WaHttpCase, self).setUp()
        self.env = self.env(cr=self.registry.test_cr)
        self.graph = FakeGraph()
        self.addCleanup(self.graph.stop)
        self._setup_wa(self.graph.url)
        self.env.cr.commit()  # a savepoint of the test cursor
        self.seq = 0

    def post_raw(self, body, headers=None):
        return self.opener.post('http://127.0.0.1:%d/whatsapp/webhook' % self._port(), data=body,
                                headers=headers or {}, timeout=30)

    @staticmethod
    def _port():
        from odoo.tests.common import PORT
        return PORT

    def post(self, payload, secret=APP_SECRET):
        body = json.dumps(payload).encode()
        headers = {'Content-Type': 'application/json',
                   'X-Hub-Signature-256': signature.sign(secret, body)}
        # Meta sends no cookie
        self.opener.cookies.clear()
        resp = self.post_raw(body, headers)
        self.env.cache.invalidate()
        return resp

    def send_text(self, body, wamid=None):
        self.seq += 1
        return self.post(webhook([text_msg(wamid or 'wamid.IN%04d' % self.seq, body)]))

    def send_choice(self, ident, wamid=None):
        self.seq += 1
        return self.post(webhook([choice_msg(wamid or 'wamid.IN%04d' % self.seq, ident)]))

    def send_msg(self, msg):
        self.seq += 1
        msg = dict(msg, id=msg.get('id') or 'wamid.IN%04d' % self.seq,
                   timestamp='1727740437', **{'from': msg.get('from') or CUSTOMER_PHONE})
        return self.post(webhook([msg]))
