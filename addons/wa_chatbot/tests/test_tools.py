"""Fast tests of the pure functions (no database)."""
import datetime
import json
import unittest

from ..tools import conversation, delivery, payload, signature

NODES = {
    "root": {"code": "root", "action": "menu", "text": "Halo KruengBaro!", "display": "list",
             "options": [
                 {"key": "complaint", "title": "Buat pengaduan", "next": "number"},
                 {"key": "status", "title": "Cek status", "next": "status"},
                 {"key": "officer", "title": "Bicara dengan petugas", "next": "officer"},
                 {"key": "info", "title": "Info", "next": "info"}]},
    "number": {"code": "number", "action": "ask_customer_number", "text": "ID pelanggan?",
               "intent": "complaint", "next": "category"},
    "category": {"code": "category", "action": "choose_category", "text": "Kategori?",
                 "options": [{"key": "leak", "title": "Pipa bocor", "value": 7},
                             {"key": "nowater", "title": "Air tidak mengalir", "value": 8}],
                 "next": "describe"},
    "describe": {"code": "describe", "action": "describe", "text": "Ceritakan", "next": "loc"},
    "loc": {"code": "loc", "action": "location", "text": "Lokasi?", "next": "photo"},
    "photo": {"code": "photo", "action": "photo", "text": "Foto?", "next": "confirm"},
    "confirm": {"code": "confirm", "action": "confirm", "text": "Kirim?"},
    "status": {"code": "status", "action": "status", "text": "Nomor tiket?", "intent": "status"},
    "officer": {"code": "officer", "action": "officer", "text": "", "intent": "officer"},
    "info": {"code": "info", "action": "info", "text": "Buka 08.00-16.00", "intent": "info"},
}


class FakeServices(object):
    def __init__(self):
        self.created, self.handovers = [], []
        self.customers = {"11529": {"id": 5, "name": "Budi Santoso", "phones": ["6281234"]}}

    def find_customer(self, number):
        return self.customers.get(number)

    def create_complaint(self, data):
        self.created.append(data)
        return "HT0001"

    def complaint_status(self, query, data):
        if query == "HT0001":
            return [{"number": "HT0001", "stage": "Baru", "deadline": "05/12/2026"}]
        return []

    def handover(self, data):
        self.handovers.append(data)


def text(body):
    return {"type": "text", "text": body}


def choice(ident):
    return {"type": "choice", "id": ident, "text": ident}


class TestConversation(unittest.TestCase):

    def setUp(self):
        self.services = FakeServices()
        self.machine = conversation.Machine(NODES, "root", self.services, "6281234")

    def run_events(self, *events, state=None):
        res = None
        for event in events:
            res = self.machine.handle(state, event)
            state = res["state"]
        return res

    def test_fresh_session_shows_root_menu(self):
        res = self.machine.handle(None, text("halo"))
        self.assertEqual(res["state"]["node"], "root")
        self.assertEqual(res["replies"][0]["type"], "list")
        self.assertEqual(len(res["replies"][0]["options"]), 4)

    def test_full_complaint(self):
        res = self.run_events(text("halo"), choice("complaint"), text("11529"), choice("leak"),
                              text("Pipa bocor di depan rumah"),
                              {"type": "location", "latitude": 5.1, "longitude": 96.1,
                               "address": "Jl. Banda Aceh"},
                              {"type": "image", "media_id": "M1"}, choice("yes"))
        self.assertEqual(res["outcome"], "complaint_created")
        self.assertEqual(res["intent"], "complaint")
        self.assertIn("HT0001", res["replies"][0]["body"])
        data = self.services.created[0]
        self.assertEqual(data["category"], 7)
        self.assertEqual(data["customer_id"], 5)
        self.assertEqual(data["media_ids"], ["M1"])
        self.assertEqual(data["latitude"], 5.1)
        self.assertEqual(res["state"]["node"], "root")

    def test_typed_number_selects_option_and_skip(self):
        res = self.run_events(text("halo"), text("1"), text("11529"), text("2"), text("x"),
                              text("lewati"), choice("skip"))
        self.assertEqual(res["state"]["node"], "confirm")
        self.assertIn("Air tidak mengalir", res["replies"][0]["body"])

    def test_unknown_customer_number_stays(self):
        res = self.run_events(text("halo"), choice("complaint"), text("99999"))
        self.assertEqual(res["outcome"], "customer_not_found")
        self.assertEqual(res["state"]["node"], "number")
        self.assertIn("99999", res["replies"][0]["body"])

    def test_bad_customer_number(self):
        res = self.run_events(text("halo"), choice("complaint"), text("abc"))
        self.assertEqual(res["outcome"], "bad_customer_number")

    def test_other_phone_needs_confirmation(self):
        machine = conversation.Machine(NODES, "root", self.services, "6289999")
        state = None
        for ev in (text("halo"), choice("complaint"), text("11529")):
            res = machine.handle(state, ev)
            state = res["state"]
        self.assertEqual(state["step"], "confirm_identity")
        self.assertIn("B*** S***", res["replies"][0]["body"])
        self.assertNotIn("Budi", res["replies"][0]["body"])
        res = machine.handle(state, choice("yes"))
        self.assertEqual(res["state"]["node"], "category")
        self.assertTrue(res["state"]["data"]["phone_mismatch"])
        res = machine.handle(state, choice("no"))
        self.assertEqual(res["state"]["node"], "number")
        self.assertNotIn("customer_id", res["state"]["data"])

    def test_reset_words(self):
        state = self.run_events(text("halo"), choice("complaint"))["state"]
        res = self.machine.handle(state, text("BATAL"))
        self.assertEqual(res["outcome"], "cancelled")
        self.assertEqual(res["state"], {"node": "root", "step": None, "data": {}})
        res = self.machine.handle(state, text(" menu "))
        self.assertIsNone(res["outcome"])
        self.assertEqual(res["state"]["node"], "root")

    def test_unsupported_type_is_answered_politely(self):
        state = self.run_events(text("halo"), choice("complaint"))["state"]
        res = self.machine.handle(state, {"type": "unsupported", "kind": "sticker"})
        self.assertEqual(res["outcome"], "unsupported")
        self.assertIn("Maaf", res["replies"][0]["body"])
        self.assertEqual(res["state"]["node"], "number")

    def test_giant_description_is_cut(self):
        res = self.run_events(text("halo"), choice("complaint"), text("11529"), choice("leak"),
                              text("a" * 100000))
        self.assertEqual(len(res["state"]["data"]["description"]), conversation.MAX_DESCRIPTION)

    def test_status(self):
        res = self.run_events(text("halo"), choice("status"), text("HT0001"))
        self.assertEqual(res["outcome"], "status_listed")
        self.assertIn("05/12/2026", res["replies"][0]["body"])
        res = self.run_events(text("halo"), choice("status"), text("HT9"))
        self.assertEqual(res["outcome"], "status_none")
        self.assertEqual(res["intent"], "status")

    def test_officer_handover_forwards(self):
        res = self.run_events(text("halo"), choice("officer"))
        self.assertEqual(res["outcome"], "handover")
        self.assertEqual(len(self.services.handovers), 1)
        res2 = self.machine.handle(res["state"], text("tolong"))
        self.assertTrue(res2["forward"])
        self.assertEqual(res2["replies"], [])
        self.assertEqual(self.machine.handle(res["state"], text("menu"))["state"]["step"], None)

    def test_info_returns_to_root(self):
        res = self.run_events(text("halo"), choice("info"))
        self.assertEqual(res["outcome"], "info")
        self.assertEqual(res["replies"][0]["body"], "Buka 08.00-16.00")
        self.assertEqual(res["state"]["node"], "root")

    def test_unknown_choice(self):
        res = self.run_events(text("halo"), text("apa ini"))
        self.assertEqual(res["outcome"], "unknown_choice")

    def test_helpers(self):
        self.assertEqual(conversation.normalize_phone("0812-3456 789"), "628123456789")
        self.assertEqual(conversation.normalize_phone("+62 812"), "62812")
        self.assertEqual(conversation.mask_name(""), "-")


class TestSignature(unittest.TestCase):

    def test_sign_and_verify(self):
        body = b'{"a": 1}'
        header = signature.sign("s3cret", body)
        self.assertTrue(header.startswith("sha256="))
        self.assertTrue(signature.verify(["other", "s3cret"], body, header))
        self.assertFalse(signature.verify(["other"], body, header))
        self.assertFalse(signature.verify(["s3cret"], body + b" ", header))
        self.assertFalse(signature.verify(["s3cret"], body, None))
        self.assertFalse(signature.verify(["s3cret"], body, header[7:]))
        self.assertFalse(signature.verify(["", None], body, signature.sign("", body)))

    def test_token(self):
        self.assertTrue(signature.token_matches("abc", "abc"))
        self.assertFalse(signature.token_matches("abc", "abd"))
        self.assertFalse(signature.token_matches("", ""))
        self.assertFalse(signature.token_matches("abc", None))


class TestDelivery(unittest.TestCase):

    def test_retryable(self):
        self.assertTrue(delivery.is_retryable(None))
        self.assertTrue(delivery.is_retryable(500))
        self.assertTrue(delivery.is_retryable(429))
        self.assertTrue(delivery.is_retryable(400, 130429))
        self.assertTrue(delivery.is_retryable(400, 131056))
        self.assertFalse(delivery.is_retryable(400, 131026))
        self.assertFalse(delivery.is_retryable(401))

    def test_backoff(self):
        self.assertEqual([delivery.backoff_seconds(a, 30, 200) for a in (1, 2, 3, 4, 5)],
                         [30, 60, 120, 200, 200])
        now = datetime.datetime(2026, 1, 1)
        self.assertEqual(delivery.next_attempt(now, 2, 10), now + datetime.timedelta(seconds=20))

    def test_rate_limit_and_window(self):
        self.assertFalse(delivery.rate_limited(4, 5))
        self.assertTrue(delivery.rate_limited(5, 5))
        self.assertFalse(delivery.rate_limited(500, 0))
        now = datetime.datetime(2026, 1, 2, 12)
        self.assertTrue(delivery.within_window(now - datetime.timedelta(hours=23), now))
        self.assertFalse(delivery.within_window(now - datetime.timedelta(hours=25), now))
        self.assertFalse(delivery.within_window(None, now))

    def test_office_hours(self):
        monday = datetime.datetime(2024, 9, 30, 16, 45)
        self.assertFalse(delivery.outside_office_hours(monday, 8, 17))
        self.assertTrue(delivery.outside_office_hours(monday.replace(hour=22), 8, 17))
        self.assertTrue(delivery.outside_office_hours(datetime.datetime(2024, 9, 29, 10), 8, 17))

    def test_graph_error(self):
        self.assertEqual(delivery.graph_error(400, {"error": {"code": 130429, "message": "x"}}),
                         (130429, "x"))
        self.assertEqual(delivery.graph_error(502, "oops"), (None, "HTTP 502"))


def webhook(messages=None, statuses=None):
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "6265", "phone_number_id": "PNID"},
             "contacts": [{"profile": {"name": "Budi"}, "wa_id": "6281234"}]}
    if messages:
        value["messages"] = messages
    if statuses:
        value["statuses"] = statuses
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "W", "changes": [{"field": "messages", "value": value}]}]}


class TestPayload(unittest.TestCase):

    def test_parse_kinds(self):
        msgs, sts = payload.parse_webhook(webhook([
            {"from": "6281234", "id": "wamid.1", "timestamp": "1", "type": "text",
             "text": {"body": "halo"}},
            {"from": "6281234", "id": "wamid.2", "type": "interactive",
             "interactive": {"type": "list_reply", "list_reply": {"id": "complaint", "title": "X"}}},
            {"from": "6281234", "id": "wamid.3", "type": "location",
             "location": {"latitude": 5.0, "longitude": 96.0, "name": "Rumah"}},
            {"from": "6281234", "id": "wamid.4", "type": "image", "image": {"id": "MEDIA"}},
            {"from": "6281234", "id": "wamid.5", "type": "sticker", "sticker": {"id": "S"}},
        ], [{"id": "wamid.out", "status": "failed", "recipient_id": "6281234",
             "errors": [{"code": 131047, "title": "Re-engagement"}]}]))
        self.assertEqual([m["event"]["type"] for m in msgs],
                         ["text", "choice", "location", "image", "unsupported"])
        self.assertEqual(msgs[0]["name"], "Budi")
        self.assertEqual(msgs[0]["phone_number_id"], "PNID")
        self.assertEqual(msgs[1]["event"]["id"], "complaint")
        self.assertEqual(msgs[3]["media_id"], "MEDIA")
        self.assertEqual(sts[0]["status"], "failed")
        self.assertIn("131047", sts[0]["error"])

    def test_parse_rejects_garbage(self):
        for bad in ([], {"entry": "x"}, {"entry": [{"changes": ["x"]}]},
                    webhook([{"type": "text"}])):
            with self.assertRaises(payload.PayloadError):
                payload.parse_webhook(bad)

    def test_build_limits(self):
        msg = payload.build_message("628", {"type": "buttons", "body": "b", "options": [
            {"id": str(i), "title": "Judul yang sangat panjang sekali"} for i in range(5)]})
        # at most 3 reply buttons, titles cut to 20 characters
        self.assertEqual(msg["interactive"]["type"], "button")
        self.assertEqual(len(msg["interactive"]["action"]["buttons"]), 3)
        self.assertLessEqual(len(msg["interactive"]["action"]["buttons"][0]["reply"]["title"]), 20)
        msg = payload.build_message("628", {"type": "list", "body": "b", "options": [
            {"id": str(i), "title": "Baris yang sangat panjang sekali ya"} for i in range(12)]})
        rows = msg["interactive"]["action"]["sections"][0]["rows"]
        self.assertEqual(len(rows), 10)
        self.assertTrue(all(len(r["title"]) <= 24 for r in rows))
        msg = payload.build_message("628", {"type": "text", "body": "x" * 5000})
        self.assertEqual(len(msg["text"]["body"]), 4096)
        msg = payload.build_message("628", {"type": "template", "template": "status_update",
                                            "params": ["HT1", "Selesai"]})
        self.assertEqual(msg["template"]["components"][0]["parameters"][1]["text"], "Selesai")
        self.assertEqual(payload.preview(msg), "template status_update")
        json.dumps(msg)
