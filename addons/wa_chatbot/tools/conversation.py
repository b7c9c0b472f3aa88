"""The chatbot's conversation as a state machine over data.

Nodes are plain dicts (built from the ``wa.node`` records)::

    {"code": "root", "action": "menu", "text": "...", "intent": None,
     "display": "list", "next": None,
     "options": [{"key": "complaint", "title": "Buat pengaduan",
                  "description": "", "next": "ask_number", "value": None}]}

The state of a session is a JSON-able dict ``{"node": code, "step": ...,
"data": {...}}``. ``Machine.handle`` takes a state and an event and returns
the new state, the replies to send and what the interaction log records.
Everything that needs the database goes through ``services`` (duck typed):
``find_customer(number)``, ``create_complaint(data)``,
``complaint_status(query, data)`` and ``handover(data)``.
"""
import re

ACTIONS = ("menu", "ask_customer_number", "choose_category", "describe",
           "location", "photo", "confirm", "status", "officer", "info")
RESET_WORDS = ("menu", "batal")
SKIP_ID = "skip"
YES_ID = "yes"
NO_ID = "no"
MAX_DESCRIPTION = 4000
CUSTOMER_NUMBER = re.compile(r"^\d{1,10}$")

TEXTS = {
    "unknown_choice": "Maaf, pilihan tidak dikenali. Silakan pilih salah satu menu.",
    "unsupported": "Maaf, pesan jenis ini belum dapat kami proses. "
                   "Silakan kirim teks atau pilih menu. Ketik *menu* untuk kembali.",
    "bad_number": "Format ID pelanggan tidak valid. Kirim angka ID pelanggan Anda "
                  "(contoh: 11529).",
    "not_found": "ID pelanggan %(number)s tidak ditemukan. Periksa kembali nomor pada "
                 "rekening air Anda, atau ketik *menu* untuk kembali.",
    "confirm_identity": "ID pelanggan %(number)s terdaftar atas nama %(name)s dengan nomor "
                        "telepon lain. Apakah Anda pemilik sambungan ini atau mewakilinya?",
    "identity_yes": "Ya, benar",
    "identity_no": "Bukan",
    "customer_ok": "Terima kasih, %(name)s.",
    "need_text": "Mohon kirim keterangan dalam bentuk teks.",
    "need_location": "Mohon bagikan lokasi (ikon klip > Lokasi), ketik alamat, atau pilih Lewati.",
    "need_photo": "Mohon kirim foto, atau pilih Lewati.",
    "skip": "Lewati",
    "summary": "Ringkasan pengaduan:\nID pelanggan: %(number)s\nKategori: %(category)s\n"
               "Keterangan: %(description)s\nLokasi: %(location)s\nFoto: %(photos)s",
    "send": "Kirim",
    "cancel": "Batal",
    "created": "Pengaduan Anda telah tercatat dengan nomor *%(ticket)s*. Simpan nomor ini "
               "untuk mengecek status. Ketik *menu* untuk kembali ke menu utama.",
    "create_failed": "Maaf, pengaduan belum dapat dicatat: %(error)s",
    "cancelled": "Baik, dibatalkan.",
    "status_none": "Tidak ada pengaduan yang sedang diproses untuk %(query)s.",
    "status_head": "Pengaduan untuk %(query)s:",
    "status_line": "- %(number)s: %(stage)s%(deadline)s",
    "deadline": " (target selesai %s)",
    "handover": "Permintaan Anda diteruskan ke petugas kami. Mohon tunggu balasan di sini. "
                "Ketik *menu* untuk kembali ke layanan otomatis.",
    "none": "-",
    "yes_words": ("ya", "y", "iya", "benar", "kirim", "yes", "ok"),
    "no_words": ("tidak", "bukan", "no", "n"),
    "skip_words": ("lewati", "skip", "tidak ada"),
}


class Machine(object):

    def __init__(self, nodes, root, services, phone, texts=None):
        self.nodes = nodes
        self.root = root
        self.services = services
        self.phone = phone
        self.texts = dict(TEXTS, **(texts or {}))

    # ------------------------------------------------------------------
    # helpers
    def t(self, key, **kw):
        text = self.texts[key]
        return text % kw if kw else text

    def node(self, code):
        return self.nodes.get(code) or self.nodes[self.root]

    @staticmethod
    def _result(state, replies, outcome=None, forward=False, ticket=None):
        return {"state": state, "replies": replies, "outcome": outcome,
                "intent": state.get("data", {}).get("intent"),
                "forward": forward, "ticket": ticket}

    def initial_state(self):
        return {"node": self.root, "step": None, "data": {}}

    def prompt(self, node, body=None):
        """The replies that present ``node``."""
        body = body or node.get("text") or ""
        options = node.get("options") or []
        if node["action"] in ("menu", "choose_category") and options:
            kind = "buttons" if node.get("display") == "buttons" and len(options) <= 3 else "list"
            return [{"type": kind, "body": body, "button": node.get("button") or "Pilih",
                     "options": [{"id": o["key"], "title": o["title"],
                                  "description": o.get("description")} for o in options]}]
        if node["action"] in ("location", "photo"):
            return [{"type": "buttons", "body": body,
                     "options": [{"id": SKIP_ID, "title": self.t("skip")}]}]
        return [{"type": "text", "body": body}]

    @staticmethod
    def _word(event):
        return (event.get("text") or "").strip().lower()

    def _is(self, event, ident, words):
        if event["type"] == "choice" and event.get("id") == ident:
            return True
        return event["type"] in ("text", "choice") and self._word(event) in self.texts[words]

    def _match_option(self, node, event):
        options = node.get("options") or []
        if event["type"] == "choice":
            for o in options:
                if o["key"] == event.get("id"):
                    return o
        if event["type"] in ("text", "choice"):
            word = self._word(event)
            if word.isdigit() and 1 <= int(word) <= len(options):
                return options[int(word) - 1]
            for o in options:
                if word in (o["key"].lower(), (o["title"] or "").strip().lower()):
                    return o
        return None

    # ------------------------------------------------------------------
    # transitions
    def enter(self, code, state, before=None):
        """Move to node ``code`` and present it. Nodes that act on entry
        (officer, info) act here."""
        node = self.node(code)
        data = state.get("data", {})
        if node.get("intent"):
            data["intent"] = node["intent"]
        state = {"node": node["code"], "step": None, "data": data}
        replies = list(before or [])
        if node["action"] == "officer":
            self.services.handover(data)
            state["step"] = "handover"
            replies.append({"type": "text", "body": node.get("text") or self.t("handover")})
            return self._result(state, replies, outcome="handover")
        if node["action"] == "info":
            replies.append({"type": "text", "body": node.get("text") or ""})
            nxt = node.get("next") or self.root
            if nxt == node["code"]:
                nxt = self.root
            res = self.enter(nxt, self.initial_state() if nxt == self.root else state, replies)
            res["outcome"] = res["outcome"] or "info"
            res["intent"] = data.get("intent")
            return res
        if node["action"] == "confirm":
            replies.append({"type": "buttons", "body": "%s\n\n%s" % (
                self.summary(data), node.get("text") or ""),
                "options": [{"id": YES_ID, "title": self.t("send")},
                            {"id": NO_ID, "title": self.t("cancel")}]})
            return self._result(state, replies)
        replies.extend(self.prompt(node))
        return self._result(state, replies)

    def advance(self, node, state, option=None, before=None):
        nxt = (option or {}).get("next") or node.get("next") or self.root
        return self.enter(nxt, state, before)

    def reset(self, before=None, outcome=None):
        res = self.enter(self.root, self.initial_state(), before)
        res["outcome"] = outcome
        return res

    def summary(self, data):
        loc = data.get("address") or ""
        if data.get("latitude") is not None:
            loc = ("%s (%s, %s)" % (loc, data["latitude"], data["longitude"])).strip()
        return self.t(
            "summary", number=data.get("customer_number") or self.t("none"),
            category=data.get("category_name") or self.t("none"),
            description=data.get("description") or self.t("none"),
            location=loc or self.t("none"), photos=len(data.get("media_ids") or []))

    # ------------------------------------------------------------------
    def handle(self, state, event):
        """One inbound event -> result dict (see ``_result``)."""
        fresh = not state or state.get("node") not in self.nodes
        if fresh:
            state = self.initial_state()
        state = {"node": state["node"], "step": state.get("step"),
                 "data": dict(state.get("data") or {})}
        word = self._word(event) if event["type"] == "text" else ""
        if word in RESET_WORDS:
            cancelled = word == "batal" and (state["node"] != self.root or state["step"])
            res = self.reset([{"type": "text", "body": self.t("cancelled")}] if cancelled else None,
                             outcome="cancelled" if cancelled else None)
            if cancelled:
                res["intent"] = state["data"].get("intent")
            return res
        if state["step"] == "handover":
            return self._result(state, [], forward=True)
        node = self.node(state["node"])
        if event["type"] == "unsupported":
            res = self._result(state, [{"type": "text", "body": self.t("unsupported")}],
                               outcome="unsupported")
            return res
        if fresh and not self._match_option(node, event):
            return self.enter(self.root, state)
        handler = getattr(self, "_on_" + node["action"])
        return handler(node, state, event)

    def _on_menu(self, node, state, event):
        option = self._match_option(node, event)
        if not option:
            return self._result(state, [{"type": "text", "body": self.t("unknown_choice")}]
                                + self.prompt(node), outcome="unknown_choice")
        return self.advance(node, state, option)

    def _on_choose_category(self, node, state, event):
        option = self._match_option(node, event)
        if not option:
            return self._result(state, [{"type": "text", "body": self.t("unknown_choice")}]
                                + self.prompt(node), outcome="unknown_choice")
        state["data"]["category"] = option.get("value")
        state["data"]["category_name"] = option["title"]
        return self.advance(node, state, option)

    def _on_ask_customer_number(self, node, state, event):
        data = state["data"]
        if state["step"] == "confirm_identity":
            if self._is(event, YES_ID, "yes_words"):
                data.update(data.pop("pending"), phone_mismatch=True)
                return self.advance(node, state)
            data.pop("pending", None)
            state["step"] = None
            return self._result(state, self.prompt(node))
        if event["type"] != "text":
            return self._result(state, [{"type": "text", "body": self.t("bad_number")}])
        number = re.sub(r"[\s.\-]", "", event.get("text") or "")
        if not CUSTOMER_NUMBER.match(number):
            return self._result(state, [{"type": "text", "body": self.t("bad_number")}],
                                outcome="bad_customer_number")
        number = str(int(number))
        customer = self.services.find_customer(number)
        if not customer:
            data["customer_number"] = number
            return self._result(state, [{"type": "text", "body": self.t("not_found", number=number)}],
                                outcome="customer_not_found")
        found = {"customer_number": number, "customer_id": customer["id"],
                 "customer_name": customer.get("name") or ""}
        if self.phone in (customer.get("phones") or ()):
            data.update(found)
            return self.advance(node, state, before=[
                {"type": "text", "body": self.t("customer_ok", name=found["customer_name"])}])
        data["pending"] = found
        state["step"] = "confirm_identity"
        return self._result(state, [{"type": "buttons", "body": self.t(
            "confirm_identity", number=number, name=mask_name(found["customer_name"])),
            "options": [{"id": YES_ID, "title": self.t("identity_yes")},
                        {"id": NO_ID, "title": self.t("identity_no")}]}])

    def _on_describe(self, node, state, event):
        text = (event.get("text") or "").strip() if event["type"] == "text" else ""
        if not text:
            return self._result(state, [{"type": "text", "body": self.t("need_text")}])
        state["data"]["description"] = text[:MAX_DESCRIPTION]
        return self.advance(node, state)

    def _on_location(self, node, state, event):
        data = state["data"]
        if event["type"] == "location" and event.get("latitude") is not None:
            data.update(latitude=event["latitude"], longitude=event["longitude"],
                        address=event.get("address") or "")
            return self.advance(node, state)
        if self._is(event, SKIP_ID, "skip_words"):
            return self.advance(node, state)
        if event["type"] == "text" and self._word(event):
            data["address"] = event["text"].strip()[:500]
            return self.advance(node, state)
        return self._result(state, [{"type": "text", "body": self.t("need_location")}]
                            + self.prompt(node))

    def _on_photo(self, node, state, event):
        if event["type"] == "image" and event.get("media_id"):
            state["data"].setdefault("media_ids", []).append(event["media_id"])
            return self.advance(node, state)
        if self._is(event, SKIP_ID, "skip_words"):
            return self.advance(node, state)
        return self._result(state, [{"type": "text", "body": self.t("need_photo")}]
                            + self.prompt(node))

    def _on_confirm(self, node, state, event):
        data = state["data"]
        if self._is(event, YES_ID, "yes_words"):
            try:
                ticket = self.services.create_complaint(dict(data))
            except ValueError as e:
                return self._result(state, [{"type": "text", "body": self.t(
                    "create_failed", error=e)}], outcome="complaint_failed")
            res = self.reset([{"type": "text", "body": self.t("created", ticket=ticket)}])
            res.update(outcome="complaint_created", ticket=ticket, intent=data.get("intent"))
            res["replies"] = res["replies"][:1]
            return res
        if self._is(event, NO_ID, "no_words"):
            res = self.reset([{"type": "text", "body": self.t("cancelled")}], outcome="cancelled")
            res["intent"] = data.get("intent")
            return res
        return self.enter(node["code"], state, [{"type": "text", "body": self.t("unknown_choice")}])

    def _on_status(self, node, state, event):
        if event["type"] != "text" or not self._word(event):
            return self._result(state, [{"type": "text", "body": self.t("need_text")}])
        query = event["text"].strip()[:64]
        rows = self.services.complaint_status(query, state["data"])
        intent = state["data"].get("intent")
        if not rows:
            res = self.reset([{"type": "text", "body": self.t("status_none", query=query)}],
                             outcome="status_none")
        else:
            lines = [self.t("status_head", query=query)] + [self.t(
                "status_line", number=r["number"], stage=r["stage"],
                deadline=self.t("deadline") % r["deadline"] if r.get("deadline") else "")
                for r in rows]
            res = self.reset([{"type": "text", "body": "\n".join(lines)}], outcome="status_listed")
        res["intent"] = intent
        return res

    def _on_officer(self, node, state, event):
        return self._result(state, [], forward=True)

    def _on_info(self, node, state, event):
        return self.enter(self.root, self.initial_state())


def mask_name(name):
    """'Budi Santoso' -> 'B*** S***': enough to recognise, not to harvest."""
    return " ".join(w[0] + "***" for w in (name or "").split() if w) or "-"


def normalize_phone(phone, country="62"):
    """Digits only, national '0' prefix replaced by the country code:
    '0812-3456 789' -> '628123456789'."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0"):
        digits = country + digits[1:]
    return digits
