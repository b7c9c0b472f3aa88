"""Processing of stored messages after the webhook has answered.

The webhook commits the messages it received, answers Meta and hands the
conversations to process to this module: one daemon thread per server
process works through them with cursors of its own. Whatever it does not
finish (the process is recycled or dies, the database is busy) stays stored
as received and is processed by the cron ``wa.message._cron_retry``."""
import logging
import os
import queue as queue_module
import threading

import odoo
from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# a conversation held by another transaction is tried again after these delays
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8)
# queue items that send outgoing messages rather than process a conversation
SEND = 'send'


def process_conversation(dbname, uid, context, account_id, phone):
    """Process in order the messages of one conversation still waiting, one
    transaction each, whose replies are sent before it commits. Returns
    False when another transaction holds the conversation. A message stored
    after a transaction began is not seen by it: its own webhook call hands
    the conversation over again."""
    registry = odoo.registry(dbname)
    with api.Environment.manage():
        more = True
        while more:
            with registry.cursor() as cr:
                env = api.Environment(cr, uid, context)
                message, more = env['wa.message']._claim_next(account_id, phone)
                if message is None:
                    return False
                if message:
                    message._process_safe()._send()
        return True


def send_outbox(dbname, outbox_ids):
    """Post queued outgoing messages with a cursor of their own; what is not
    sent stays queued for the cron."""
    registry = odoo.registry(dbname)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env['wa.outbox'].browse(outbox_ids).exists()._send()


class Dispatcher(object):
    """A queue of conversations to process and the thread that empties it,
    created again in each process (worker processes are forked)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._queue = None
        self._thread = None

    def _ensure_thread(self):
        with self._lock:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                self._queue = queue_module.Queue()
                self._thread = None
            if self._thread is None or not self._thread.is_alive():
                # first call in this process, or the thread died
                self._thread = threading.Thread(target=self._run, args=(self._queue,),
                                                name='wa_chatbot.dispatcher', daemon=True)
                self._thread.start()
            return self._queue

    def submit(self, dbname, uid, context, keys):
        queue = self._ensure_thread()
        for account_id, phone in keys:
            queue.put((dbname, uid, context, account_id, phone, 0))

    def submit_send(self, dbname, outbox_ids):
        self._ensure_thread().put((SEND, dbname, tuple(outbox_ids)))

    def _run(self, queue):
        while True:
            item = queue.get()
            self.run_one(queue, item)

    @staticmethod
    def run_one(queue, item):
        if item[0] == SEND:
            threading.current_thread().dbname = item[1]
            try:
                send_outbox(item[1], item[2])
            except Exception as e:  # still queued: the cron sends them
                _logger.warning("WhatsApp messages %s not sent now (the cron will): %s",
                                list(item[2]), e)
            return
        dbname, uid, context, account_id, phone, tries = item
        threading.current_thread().dbname = dbname
        try:
            done = process_conversation(dbname, uid, context, account_id, phone)
        except Exception as e:  # stored messages stay for the cron
            _logger.warning("WhatsApp conversation %s not processed now (the cron will): %s",
                            phone, e)
            return
        if not done and tries < len(RETRY_DELAYS):
            timer = threading.Timer(RETRY_DELAYS[tries], queue.put, args=(
                (dbname, uid, context, account_id, phone, tries + 1),))
            timer.daemon = True
            timer.start()


dispatcher = Dispatcher()
