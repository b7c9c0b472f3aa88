import functools
import json
import logging
import threading
from datetime import datetime

import psycopg2
import requests

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import delivery, payload as wa_payload
from . import wa_dispatch

_logger = logging.getLogger(__name__)

STATES = [
    ('waiting', 'Waiting for the Customer'),
    ('queued', 'Queued'),
    ('sent', 'Sent'),
    ('delivered', 'Delivered'),
    ('read', 'Read'),
    ('failed', 'Failed'),
]
# status events never move a message backwards
RANK = {'waiting': 0, 'queued': 0, 'sent': 1, 'delivered': 2, 'read': 3, 'failed': 4}

_local = threading.local()


def _http():
    """One HTTP session per thread: the connection to the Graph API is kept
    alive between messages instead of a new TLS handshake each."""
    session = getattr(_local, 'session', None)
    if session is None:
        session = _local.session = requests.Session()
    return session


class WaOutbox(models.Model):
    """An outgoing WhatsApp message: queued, then sent (with retries)."""
    _name = 'wa.outbox'
    _description = 'WhatsApp Outgoing Message'
    _order = 'id desc'
    _rec_name = 'phone'

    account_id = fields.Many2one('wa.account', required=True, ondelete='cascade', readonly=True)
    session_id = fields.Many2one('wa.session', 'Conversation', ondelete='set null', index=True,
                                 readonly=True)
    ticket_id = fields.Many2one('helpdesk.ticket', 'Complaint', ondelete='set null',
                                readonly=True)
    phone = fields.Char(required=True, readonly=True)
    origin = fields.Selection([('bot', 'Chatbot'), ('officer', 'Officer'),
                               ('notification', 'Stage notification')],
                              default='bot', required=True, readonly=True)
    msg_type = fields.Char('Type', readonly=True)
    body = fields.Text(readonly=True)
    payload = fields.Text(required=True, readonly=True)
    state = fields.Selection(STATES, default='queued', required=True, index=True, readonly=True)
    attempts = fields.Integer(readonly=True)
    next_attempt = fields.Datetime(index=True, readonly=True)
    error_code = fields.Char(readonly=True)
    error = fields.Text(readonly=True)
    wamid = fields.Char('Message ID', index=True, readonly=True)
    date_sent = fields.Datetime(readonly=True)

    @api.model
    def _prepare_reply(self, session, reply, origin='bot', ticket=None):
        body = wa_payload.build_message(session.phone, reply)
        return {
            'account_id': session.account_id.id,
            'session_id': session.id,
            'ticket_id': ticket.id if ticket else False,
            'phone': session.phone,
            'origin': origin,
            'msg_type': body['type'],
            'body': wa_payload.preview(body),
            'payload': json.dumps(body),
        }

    @api.multi
    def _send(self, now=None):
        """Post each queued message to the Graph API once, oldest first.
        Errors worth retrying keep the message queued with a later
        ``next_attempt``; the later messages to the same phone wait behind
        it, so that a conversation never arrives out of order and a Graph API
        that is down costs the webhook one time-out, not one per reply.
        The messages are locked first: one that another transaction is
        sending (or has sent since this one began) is not sent again."""
        if not self:
            return True
        now = now or datetime.utcnow()
        now_str = fields.Datetime.to_string(now)
        locked, held = self._lock_queued()
        # what another transaction holds goes first: the same phone waits
        waiting = set(self.filtered(lambda m: m.id in held).mapped('phone'))
        queued = self.filtered(lambda m: m.id in locked)
        if not queued:
            return True
        waiting.update(self.search([('state', '=', 'queued'), ('next_attempt', '>', now_str),
                                    ('phone', 'in', list(set(queued.mapped('phone'))))]
                                   ).mapped('phone'))
        for msg in queued.sorted('id'):
            due = msg.next_attempt and msg.next_attempt <= now_str
            if msg.phone in waiting and not due:
                continue
            if not msg._send_one(now) and msg.state == 'queued':
                waiting.add(msg.phone)
        return True

    @api.multi
    def _send_soon(self):
        """Send once the current transaction is committed, from the server
        process's dispatcher thread: a user who answers a customer or moves
        a complaint does not wait for the Graph API, nor for its time-outs
        when it is down. Under tests, at once."""
        if not self:
            return True
        if getattr(threading.current_thread(), 'testing', False) \
                or self.env.registry.in_test_mode():
            return self._send()
        self.env.cr.after('commit', functools.partial(
            wa_dispatch.dispatcher.submit_send, self.env.cr.dbname, self.ids))
        return True

    @api.multi
    def _lock_queued(self):
        """Lock these messages for the current transaction; return the ids
        locked and still queued, and the ids another transaction holds (or
        changed since this one began). A lock taken without a serialization
        error means that this transaction's view of the row is the latest."""
        cr = self.env.cr
        try:
            with cr.savepoint():
                cr.execute("SELECT id, state FROM wa_outbox WHERE id IN %s "
                           "FOR UPDATE SKIP LOCKED", (tuple(self.ids),), log_exceptions=False)
                rows = dict(cr.fetchall())
        except psycopg2.extensions.TransactionRollbackError:
            if len(self) == 1:
                return set(), set(self.ids)
            locked, held = set(), set()
            for msg in self:
                one_locked, one_held = msg._lock_queued()
                locked |= one_locked
                held |= one_held
            return locked, held
        return ({row_id for row_id, state in rows.items() if state == 'queued'},
                set(self.ids) - set(rows))

    @api.multi
    def _send_one(self, now):
        self.ensure_one()
        account = self.account_id
        status = code = None
        try:
            resp = _http().post(account._messages_url(), data=self.payload,
                                headers=dict(account._headers(),
                                             **{'Content-Type': 'application/json'}),
                                timeout=account.request_timeout)
        except requests.RequestException as e:
            message = '%s: %s' % (type(e).__name__, e)
        else:
            status = resp.status_code
            try:
                answer = resp.json()
            except ValueError:
                answer = None
            if status == 200 and isinstance(answer, dict) and answer.get('messages'):
                self.write({'state': 'sent', 'wamid': answer['messages'][0].get('id'),
                            'attempts': self.attempts + 1, 'error': False,
                            'error_code': False, 'next_attempt': False,
                            'date_sent': fields.Datetime.to_string(now)})
                return True
            code, message = delivery.graph_error(status, answer)
        attempts = self.attempts + 1
        vals = {'attempts': attempts, 'error': message[:2000],
                'error_code': str(code) if code is not None else (status and str(status))}
        if delivery.is_retryable(status, code) and attempts < account.max_attempts:
            vals['next_attempt'] = fields.Datetime.to_string(delivery.next_attempt(
                now, attempts, account.retry_base, account.retry_cap))
            _logger.warning("WhatsApp message to %s not sent (attempt %d, retried): %s",
                            self.phone, attempts, message)
        else:
            vals['state'] = 'failed'
            _logger.warning("WhatsApp message to %s failed: %s", self.phone, message)
        self.write(vals)
        return False

    @api.model
    def _cron_send(self, now=None, limit=500):
        now = now or datetime.utcnow()
        due = self.search([('state', '=', 'queued'), '|', ('next_attempt', '=', False),
                           ('next_attempt', '<=', fields.Datetime.to_string(now))],
                          order='id', limit=limit)
        due._send(now)
        return due

    @api.model
    def _apply_statuses(self, statuses):
        """Status events from the webhook: sent, delivered, read, failed;
        one statement each, never moving a message backwards."""
        cr = self.env.cr
        for st in statuses:
            status = st.get('status')
            if status not in RANK or not st.get('wamid'):
                continue
            error = (st.get('error') or _('Reported as failed by WhatsApp')) \
                if status == 'failed' else None
            lower = [state for state, rank in RANK.items() if rank < RANK[status]]
            cr.execute("""
                UPDATE wa_outbox SET state = %s, error = COALESCE(%s, error),
                    write_uid = %s, write_date = (now() at time zone 'UTC')
                WHERE wamid = %s AND state IN %s""",
                       (status, error, self.env.uid, st['wamid'], tuple(lower)))
        if statuses:
            self.invalidate_cache()

    @api.multi
    def action_retry(self):
        failed = self.filtered(lambda m: m.state == 'failed')
        failed.write({'state': 'queued', 'attempts': 0, 'next_attempt': False})
        self.filtered(lambda m: m.state == 'queued')._send()
        return True

    @api.model
    def _queue_text(self, session, text, origin, ticket=None, state='queued'):
        """A text to the conversation's phone: queued, or ``waiting`` for
        the customer to open the 24-hour window again."""
        if not session:
            raise UserError(_("There is no WhatsApp conversation to send this message to."))
        vals = self._prepare_reply(session, {'type': 'text', 'body': text}, origin=origin,
                                   ticket=ticket)
        vals['state'] = state
        return self.create(vals)
