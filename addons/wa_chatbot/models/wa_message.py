import json
import logging
from datetime import datetime, timedelta

import psycopg2

from odoo import api, fields, models

from ..tools import delivery

_logger = logging.getLogger(__name__)

STATES = [
    ('received', 'Received'),
    ('done', 'Processed'),
    ('failed', 'Failed'),
    ('ignored', 'Ignored (rate limit)'),
]
# first key of the advisory lock a conversation is processed under
LOCK_CLASS = 0x7761


class WaMessage(models.Model):
    """An inbound WhatsApp message, stored once per ``wamid`` before it is
    processed."""
    _name = 'wa.message'
    _description = 'WhatsApp Inbound Message'
    _order = 'id desc'
    _rec_name = 'wamid'

    wamid = fields.Char('Message ID', required=True, readonly=True)
    account_id = fields.Many2one('wa.account', required=True, ondelete='cascade', readonly=True)
    session_id = fields.Many2one('wa.session', 'Conversation', ondelete='set null', index=True,
                                 readonly=True)
    phone = fields.Char(required=True, index=True, readonly=True)
    contact_name = fields.Char(readonly=True)
    msg_type = fields.Char('Type', readonly=True)
    body = fields.Text(readonly=True)
    payload = fields.Text(readonly=True)
    date = fields.Datetime(readonly=True, help="When the customer sent it.")
    state = fields.Selection(STATES, default='received', required=True, index=True,
                             readonly=True)
    attempts = fields.Integer(readonly=True)
    error = fields.Text(readonly=True)
    processed_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        ('wamid_uniq', 'unique(wamid)', 'A WhatsApp message is stored only once.'),
    ]

    # ------------------------------------------------------------------
    # storing: in the webhook's own transaction, committed before any processing
    @api.model
    def _store_inbound(self, account_id, rows):
        """Insert the messages that are new with the current cursor (the
        webhook's own, committed before it answers); return ``(id, phone)``
        of the rows inserted. Duplicates (Meta delivers at least once) are
        skipped by the unique index: one statement per message."""
        stored = []
        cr = self.env.cr
        for row in rows:
            phone = row['phone'][:32]
            cr.execute("""
                INSERT INTO wa_message (wamid, account_id, phone, contact_name, msg_type,
                    body, payload, date, state, attempts, create_uid, write_uid,
                    create_date, write_date)
                VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'received', 0, %s, %s,
                    (now() at time zone 'UTC'), (now() at time zone 'UTC'))
                ON CONFLICT (wamid) DO NOTHING
                RETURNING id""", (
                row['wamid'][:255], account_id, phone, row.get('name'),
                row['type'][:32], row.get('body') or '', json.dumps(row['event']),
                _timestamp(row.get('timestamp')), self.env.uid, self.env.uid))
            found = cr.fetchone()
            if found:
                stored.append((found[0], phone))
        return stored

    # ------------------------------------------------------------------
    # claiming: one conversation is processed by one transaction at a time
    @api.model
    def _lock_conversation(self, account_id, phone):
        """Take the conversation's advisory lock for the current transaction
        without waiting; False when another transaction holds it."""
        cr = self.env.cr
        cr.execute("SELECT pg_try_advisory_xact_lock(%s, hashtext(%s))",
                   (LOCK_CLASS, '%s:%s' % (account_id, phone)))
        return cr.fetchone()[0]

    @api.multi
    def _claim(self, states=('received', 'failed')):
        """Lock this message and its conversation for the current transaction,
        skipping (False) what another transaction is processing or has
        processed since this one began."""
        self.ensure_one()
        cr = self.env.cr
        try:
            with cr.savepoint():
                if not self._lock_conversation(self.account_id.id, self.phone):
                    return False
                cr.execute("SELECT state FROM wa_message WHERE id = %s FOR UPDATE SKIP LOCKED",
                           (self.id,), log_exceptions=False)
                row = cr.fetchone()
        except psycopg2.extensions.TransactionRollbackError:
            return False  # processed and committed by another transaction meanwhile
        self.invalidate_cache(ids=self.ids)
        return bool(row) and row[0] in states

    @api.model
    def _claim_next(self, account_id, phone):
        """The oldest message of a conversation still waiting, locked with
        its conversation, and whether more wait behind it: ``(message,
        more)``; ``(None, True)`` when another transaction holds the
        conversation, an empty recordset when nothing waits."""
        cr = self.env.cr
        try:
            with cr.savepoint():
                if not self._lock_conversation(account_id, phone):
                    return None, True
                cr.execute("""
                    SELECT id FROM wa_message
                    WHERE account_id = %s AND phone = %s AND state = 'received'
                    ORDER BY id LIMIT 2""", (account_id, phone))
                ids = [row[0] for row in cr.fetchall()]
                if ids:
                    # fails if another transaction processed it since this one began
                    cr.execute("SELECT id FROM wa_message WHERE id = %s FOR UPDATE SKIP LOCKED",
                               (ids[0],), log_exceptions=False)
                    if not cr.fetchone():
                        return None, True
        except psycopg2.extensions.TransactionRollbackError:
            return None, True
        return self.browse(ids[:1]), len(ids) > 1

    # ------------------------------------------------------------------
    @api.multi
    def _process_all(self, now=None):
        """Process each message that this transaction can claim, each in a
        savepoint: a failure is recorded on the message (state failed,
        error) and retried by the cron."""
        outbox = self.env['wa.outbox']
        for message in self:
            if not message._claim():
                continue
            outbox |= message._process_safe(now=now)
        return outbox

    @api.multi
    def _process_safe(self, now=None):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                return self._process(now=now)
        except Exception as e:  # any failure must leave a trace, never lose the message
            _logger.warning("WhatsApp message %s failed: %s", self.wamid, e)
            self.write({'state': 'failed', 'attempts': self.attempts + 1,
                        'error': '%s: %s' % (type(e).__name__, e)})
        return self.env['wa.outbox']

    @api.multi
    def _process(self, now=None):
        """Run one message through the conversation; return the outbox
        records it queued."""
        self.ensure_one()
        now = now or datetime.utcnow()
        account = self.account_id
        session = self.env['wa.session']._get_for(account, self.phone, self.contact_name)
        vals = {'state': 'done', 'attempts': self.attempts + 1, 'error': False,
                'processed_date': fields.Datetime.to_string(now), 'session_id': session.id}
        if self._rate_limited(account, now):
            vals['state'] = 'ignored'
            self.write(vals)
            return self.env['wa.outbox']
        event = json.loads(self.payload or '{}') or {'type': 'unsupported'}
        machine = session._machine()
        result = machine.handle(session._state(now), event)
        state = result['state']
        node = self.env['wa.node']._machine_nodes().get(state['node']) or {}
        handover = state.get('step') == 'handover'
        session.write({
            'state_json': json.dumps(state),
            'node_id': node.get('id') or False,
            'last_inbound': fields.Datetime.to_string(now),
            'last_activity': fields.Datetime.to_string(now),
            'handover': handover,
            'handover_ticket_id': session.handover_ticket_id.id if handover else False,
            'partner_id': state['data'].get('customer_id') or session.partner_id.id,
            'customer_number': state['data'].get('customer_number') or session.customer_number,
        })
        if result['forward']:
            session._forward_to_officer(self)
        ticket = self.env['helpdesk.ticket']
        if result.get('ticket'):
            ticket = ticket.search([('number', '=', result['ticket'])], limit=1)
        if result['outcome']:
            self.env['wa.interaction']._log(session, result['intent'], result['outcome'], now,
                                            ticket=ticket)
        # the window is open again: what officers wrote meanwhile goes first
        outbox = session._release_waiting()
        outbox |= session._reply(result['replies'], ticket=ticket)
        self.write(vals)
        return outbox

    @api.multi
    def _rate_limited(self, account, now):
        self.ensure_one()
        if not account.rate_limit_count:
            return False
        since = now - timedelta(seconds=account.rate_limit_window)
        recent = self.search_count([
            ('phone', '=', self.phone), ('account_id', '=', account.id),
            ('id', '!=', self.id), ('create_date', '>=', fields.Datetime.to_string(since)),
            ('state', '!=', 'ignored')])
        return delivery.rate_limited(recent, account.rate_limit_count)

    @api.multi
    def action_retry(self):
        outbox = self.filtered(lambda m: m.state in ('failed', 'received'))._process_all()
        outbox._send()
        return True

    @api.model
    def _cron_retry(self, now=None, max_attempts=5, limit=200):
        """Process again what failed, and what was stored but never
        processed (a worker that died between storing and processing).
        Messages that another transaction is processing are left to it."""
        now = now or datetime.utcnow()
        stale = fields.Datetime.to_string(now - timedelta(minutes=2))
        messages = self.search([
            '|', ('state', '=', 'failed'),
            '&', ('state', '=', 'received'), ('create_date', '<=', stale),
            ('attempts', '<', max_attempts)], order='id', limit=limit)
        outbox = messages._process_all(now=now)
        outbox._send()
        return messages


def _timestamp(value):
    try:
        return datetime.utcfromtimestamp(int(value)).strftime('%Y-%m-%d %H:%M:%S')
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S')
