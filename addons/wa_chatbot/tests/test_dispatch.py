"""The processing after the webhook's answer, as in production: committed
data and cursors of their own (each test removes what it committed)."""
import os
import threading
import time
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase, at_install, post_install

from ..models import wa_dispatch
from ..models.wa_message import WaMessage
from ..tools import payload as wa_payload
from .common import FakeGraph, text_msg, webhook

CONTEXT = {'lang': 'id_ID', 'tz': 'Asia/Jakarta'}


@at_install(False)
@post_install(True)
class TestDispatch(TransactionCase):

    def setUp(self):
        super(TestDispatch, self).setUp()
        self.graph = FakeGraph()
        self.addCleanup(self.graph.stop)
        self.dbname = self.cr.dbname
        self.phone = '62899%07d' % (os.getpid() % 10000000)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.bot_uid = env.ref('wa_chatbot.user_wa_bot').id
            self.account_id = env['wa.account'].create({
                'name': 'Dispatch test', 'phone_number_id': 'DISPATCH%d' % os.getpid(),
                'access_token': 'dispatch-token', 'graph_url': self.graph.url,
                'request_timeout': 5, 'rate_limit_count': 0,
                'root_node_id': env.ref('wa_chatbot.node_root').id}).id
        self.addCleanup(self._remove_committed)
        self.seq = 0

    def _remove_committed(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM wa_interaction WHERE account_id = %s", (self.account_id,))
            # messages, conversations and outbox go with the account (cascade)
            cr.execute("DELETE FROM wa_account WHERE id = %s", (self.account_id,))

    def _store(self, *bodies):
        """Messages committed the way the webhook commits them."""
        rows = []
        for body in bodies:
            self.seq += 1
            msg = text_msg('wamid.DISPATCH%d.%d' % (os.getpid(), self.seq), body,
                           sender=self.phone)
            rows.extend(wa_payload.parse_webhook(webhook([msg]))[0])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.bot_uid, CONTEXT)
            stored = env['wa.message']._store_inbound(self.account_id, rows)
        self.assertEqual(len(stored), len(bodies))
        return [message_id for message_id, _phone in stored]

    def _read(self, query, params):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()

    def _messages(self):
        return self._read("SELECT state, attempts FROM wa_message WHERE account_id = %s "
                          "ORDER BY id", (self.account_id,))

    def _outbox(self):
        return self._read("SELECT state, wamid FROM wa_outbox WHERE account_id = %s "
                          "ORDER BY id", (self.account_id,))

    def _wait_processed(self, count, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            states = [state for state, _attempts in self._messages()]
            if len(states) == count and 'received' not in states:
                return
            time.sleep(0.1)
        self.fail("messages not processed in time: %s" % self._messages())

    def _slow_process(self, delay=0.3):
        original = WaMessage._process

        def slow(message, now=None):
            time.sleep(delay)
            return original(message, now=now)
        self.patch(WaMessage, '_process', slow)

    def _in_threads(self, *targets):
        results = [None] * len(targets)

        def run(i, target):
            results[i] = target()
        threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        return results

    def _cron(self, now):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return len(env['wa.message']._cron_retry(now=now))

    def _process(self):
        return wa_dispatch.process_conversation(self.dbname, self.bot_uid, CONTEXT,
                                                self.account_id, self.phone)

    # ------------------------------------------------------------------
    def test_dispatcher_thread_processes_in_order(self):
        self._store('halo', 'apa ini', 'batal')
        dispatcher = wa_dispatch.Dispatcher()
        dispatcher.submit(self.dbname, self.bot_uid, CONTEXT, [(self.account_id, self.phone)])
        self._wait_processed(3)
        self.assertEqual(self._messages(), [('done', 1)] * 3)
        outbox = self._outbox()
        self.assertTrue(outbox)
        self.assertEqual({state for state, _wamid in outbox}, {'sent'})
        # each reply posted once, in the order the conversation queued them
        self.assertEqual([wamid for _state, wamid in outbox],
                         [body['_wamid'] for body in self.graph.sent])
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])
        self.assertIn('pilihan tidak dikenali', self.graph.texts()[1])

    def test_concurrent_processors_never_double_a_reply(self):
        self._store('halo', 'apa ini', 'menu')
        self._slow_process()
        later = datetime.utcnow() + timedelta(minutes=10)
        self._in_threads(self._process, self._process, self._process,
                         lambda: self._cron(later))
        # whoever held the conversation processed all of it; the others let
        # go (a False answer here is put back in the queue in production)
        self.assertTrue(self._process())
        self.assertEqual(self._messages(), [('done', 1)] * 3)
        outbox = self._outbox()
        self.assertEqual({state for state, _wamid in outbox}, {'sent'})
        self.assertEqual(self.graph.posts, len(outbox))
        self.assertEqual([wamid for _state, wamid in outbox],
                         [body['_wamid'] for body in self.graph.sent])

    def test_dead_processing_thread_leaves_it_to_the_cron_once(self):
        self._store('halo')
        original = WaMessage._process

        def dies(message, now=None):
            raise SystemExit('the worker process is going away')
        self.patch(WaMessage, '_process', dies)
        thread = threading.Thread(target=wa_dispatch.Dispatcher.run_one, args=(
            None, (self.dbname, self.bot_uid, CONTEXT, self.account_id, self.phone, 0)))
        thread.start()
        thread.join(30)
        # the transaction died with the thread: stored, untouched, nothing sent
        self.assertEqual(self._messages(), [('received', 0)])
        self.assertEqual(self.graph.sent, [])
        self.patch(WaMessage, '_process', original)
        self._slow_process(0.2)
        later = datetime.utcnow() + timedelta(minutes=10)
        self._in_threads(lambda: self._cron(later), lambda: self._cron(later))
        self._cron(later)
        self.assertEqual(self._messages(), [('done', 1)])
        self.assertEqual(len(self.graph.sent), 1)
        self.assertEqual(self.graph.posts, 1)
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])

    def test_dispatcher_thread_that_died_is_replaced(self):
        self._store('halo')
        original = WaMessage._process

        def dies(message, now=None):
            raise SystemExit('the thread is going away')
        self.patch(WaMessage, '_process', dies)
        dispatcher = wa_dispatch.Dispatcher()
        key = [(self.account_id, self.phone)]
        dispatcher.submit(self.dbname, self.bot_uid, CONTEXT, key)
        dispatcher._thread.join(30)
        self.assertFalse(dispatcher._thread.is_alive())
        self.assertEqual(self._messages(), [('received', 0)])
        self.patch(WaMessage, '_process', original)
        self._store('apa ini')
        dispatcher.submit(self.dbname, self.bot_uid, CONTEXT, key)
        self._wait_processed(2)
        # both, in order: the one left behind is the oldest still waiting
        self.assertEqual(self._messages(), [('done', 1), ('done', 1)])
        self.assertIn('Halo KruengBaro!', self.graph.texts()[0])
        self.assertIn('pilihan tidak dikenali', self.graph.texts()[1])

    def test_busy_conversation_is_tried_again(self):
        """A conversation held by another transaction is put back in the
        queue after a short delay, then processed."""
        self._store('halo')
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertTrue(env['wa.message']._lock_conversation(self.account_id, self.phone))
            self.assertFalse(self._process())
            queue = wa_dispatch.queue_module.Queue()
            wa_dispatch.Dispatcher.run_one(
                queue, (self.dbname, self.bot_uid, CONTEXT, self.account_id, self.phone, 0))
            self.assertEqual(self._messages(), [('received', 0)])
        item = queue.get(timeout=5)
        self.assertEqual(item[-1], 1)
        wa_dispatch.Dispatcher.run_one(queue, item)
        self.assertEqual(self._messages(), [('done', 1)])
        self.assertEqual(len(self.graph.sent), 1)

    def test_what_a_user_sends_goes_after_commit_from_the_dispatcher(self):
        """An officer's message (or a stage notification) is queued in the
        user's transaction and posted by the dispatcher thread once that
        transaction is committed: never before, never after a rollback."""
        dispatcher = wa_dispatch.Dispatcher()
        self.patch(wa_dispatch, 'dispatcher', dispatcher)

        def queue(commit):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                session = env['wa.session']._get_for(env['wa.account'].browse(self.account_id),
                                                     self.phone)
                env['wa.outbox']._queue_text(session, 'Petugas menuju lokasi', 'officer') \
                    ._send_soon()
                time.sleep(0.3)
                posted = self.graph.posts
                if not commit:
                    cr.rollback()
            return posted

        # the user's request threads are no test threads: the sending waits
        self.assertEqual(self._in_threads(lambda: queue(False)), [0])
        time.sleep(0.5)
        self.assertEqual((self.graph.posts, self._outbox()), (0, []))
        self.assertEqual(self._in_threads(lambda: queue(True)), [0])
        deadline = time.time() + 30
        while time.time() < deadline and [s for s, _w in self._outbox()] != ['sent']:
            time.sleep(0.1)
        self.assertEqual([s for s, _w in self._outbox()], ['sent'])
        self.assertEqual(self.graph.texts(), ['Petugas menuju lokasi'])
