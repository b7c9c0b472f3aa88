import functools
import json
import logging

import odoo
from odoo import SUPERUSER_ID, api, http
from odoo.http import Response, request
from odoo.tools import config

from ..models import wa_dispatch
from ..tools import payload as wa_payload, signature

_logger = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 4 * 1024 * 1024  # Meta's payloads reach 3 MB
WEBHOOK_PATH = '/whatsapp/webhook'
BOT_CONTEXT = {'lang': 'id_ID', 'tz': 'Asia/Jakarta'}


def _patch_get_request():
    """Meta posts ``Content-Type: application/json``, which Odoo 11 turns
    into a JSON-RPC request (and refuses on an http route). The webhook
    reads the raw body itself: let it be a plain HTTP request."""
    original = http.Root.get_request
    if getattr(original, '_wa_chatbot', False):
        return

    def get_request(self, httprequest):
        if httprequest.path == WEBHOOK_PATH:
            return http.HttpRequest(httprequest)
        return original(self, httprequest)
    get_request._wa_chatbot = True
    http.Root.get_request = get_request


_patch_get_request()


def _plain(status, text=''):
    return Response(text, status=status, content_type='text/plain; charset=utf-8')


class WhatsAppWebhook(http.Controller):

    def _bot_env(self):
        """The chatbot acts as its own user, with the rights of its group."""
        env = api.Environment(request.cr, SUPERUSER_ID, {})
        bot = env.ref('wa_chatbot.user_wa_bot', raise_if_not_found=False)
        return api.Environment(request.cr, bot.id if bot else SUPERUSER_ID, BOT_CONTEXT)

    def _process_inline(self, registry):
        """Inside tests, the HTTP server shares the test's one cursor: the
        same processing runs before the answer instead of after it."""
        return registry.in_test_mode()

    @http.route(WEBHOOK_PATH, type='http', auth='none', methods=['GET'], csrf=False)
    def verify(self, **kw):
        request.session.modified = False
        env = self._bot_env()
        if kw.get('hub.mode') != 'subscribe':
            return _plain(403, 'Forbidden')
        account = env['wa.account']._find_by_verify_token(kw.get('hub.verify_token'))
        if not account:
            _logger.warning("WhatsApp webhook verification with a wrong token")
            return _plain(403, 'Forbidden')
        return _plain(200, kw.get('hub.challenge') or '')

    @http.route(WEBHOOK_PATH, type='http', auth='none', methods=['POST'], csrf=False)
    def receive(self, **kw):
        """Store the messages (one statement each, committed), answer, and
        process them after the answer (see ``models/wa_dispatch.py``)."""
        # Meta sends no cookie: do not write a web session file per call.
        request.session.modified = False
        httprequest = request.httprequest
        registry = odoo.registry(request.db)
        stored = []
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            bot_uid = env['ir.model.data'].xmlid_to_res_id('wa_chatbot.user_wa_bot') \
                or SUPERUSER_ID
            limit = int(env['ir.config_parameter'].get_param(
                'wa_chatbot.max_body_bytes', DEFAULT_MAX_BODY))
            if (httprequest.content_length or 0) > limit:
                return _plain(413, 'Payload Too Large')
            body = httprequest.stream.read(limit + 1) if httprequest.content_length is None \
                else httprequest.get_data(cache=True)
            if len(body) > limit:
                return _plain(413, 'Payload Too Large')
            env = api.Environment(cr, bot_uid, BOT_CONTEXT)
            accounts = env['wa.account']._webhook_accounts()
            secrets = [a['app_secret'] for a in accounts if a['app_secret']]
            if config.get('wa_app_secret'):
                secrets.append(config.get('wa_app_secret'))
            if not signature.verify(secrets, body,
                                    httprequest.headers.get('X-Hub-Signature-256')):
                _logger.warning("WhatsApp webhook call with a missing or wrong signature "
                                "from %s", httprequest.remote_addr)
                return _plain(403, 'Forbidden')
            try:
                data = json.loads(body.decode('utf-8'))
                messages, statuses = wa_payload.parse_webhook(data)
            except (ValueError, UnicodeDecodeError) as e:
                _logger.warning("WhatsApp webhook: malformed payload: %s", e)
                return _plain(400, 'Bad Request')
            env['wa.outbox']._apply_statuses(statuses)
            by_account = {}
            for row in messages:
                by_account.setdefault(row.get('phone_number_id'), []).append(row)
            for phone_number_id, rows in by_account.items():
                account = next((a for a in accounts if a['phone_number_id'] == phone_number_id),
                               accounts[0] if accounts else None)
                if not account:
                    _logger.warning("WhatsApp message for unknown phone number id %s",
                                    phone_number_id)
                    continue
                for _id, phone in env['wa.message']._store_inbound(account['id'], rows):
                    if (account['id'], phone) not in stored:
                        stored.append((account['id'], phone))
        # committed: the messages are safe, whatever happens next
        response = _plain(200, 'OK')
        if stored:
            if self._process_inline(registry):
                for account_id, phone in stored:
                    wa_dispatch.process_conversation(request.db, bot_uid, BOT_CONTEXT,
                                                     account_id, phone)
            else:
                response.call_on_close(functools.partial(
                    wa_dispatch.dispatcher.submit, request.db, bot_uid, BOT_CONTEXT, stored))
        return response
