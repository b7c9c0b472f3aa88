"""Reading Meta's webhook payloads and building Graph API messages."""

TEXT_LIMIT = 4096
BUTTON_TITLE_LIMIT = 20
BUTTON_MAX = 3
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
ROW_MAX = 10
LIST_BUTTON_LIMIT = 20


class PayloadError(ValueError):
    """The JSON is well formed but is not a WhatsApp webhook payload."""


def _cut(text, limit):
    text = (text or "").strip()
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def parse_webhook(data):
    """Split a webhook payload into ``(messages, statuses)``: flat dicts
    that carry everything the chatbot needs."""
    if not isinstance(data, dict) or not isinstance(data.get("entry", []), list):
        raise PayloadError("not a webhook payload")
    messages, statuses = [], []
    for entry in data.get("entry") or []:
        if not isinstance(entry, dict):
            raise PayloadError("bad entry")
        for change in entry.get("changes") or []:
            if not isinstance(change, dict):
                raise PayloadError("bad change")
            value = change.get("value") or {}
            if not isinstance(value, dict):
                raise PayloadError("bad value")
            phone_number_id = (value.get("metadata") or {}).get("phone_number_id")
            names = {}
            for contact in value.get("contacts") or []:
                if isinstance(contact, dict):
                    names[contact.get("wa_id")] = (contact.get("profile") or {}).get("name")
            for msg in value.get("messages") or []:
                if not isinstance(msg, dict) or not msg.get("id") or not msg.get("from"):
                    raise PayloadError("message without id or sender")
                messages.append(read_message(msg, phone_number_id, names.get(msg.get("from"))))
            for st in value.get("statuses") or []:
                if not isinstance(st, dict) or not st.get("id"):
                    raise PayloadError("status without id")
                errors = st.get("errors") or []
                err = errors[0] if errors and isinstance(errors[0], dict) else {}
                statuses.append({
                    "wamid": st["id"],
                    "status": st.get("status"),
                    "recipient": st.get("recipient_id"),
                    "timestamp": st.get("timestamp"),
                    "error": ("%s %s" % (err.get("code", ""), err.get("title", ""))).strip(),
                })
    return messages, statuses


def read_message(msg, phone_number_id=None, name=None):
    """One inbound message as a flat dict; ``event`` is what the
    conversation machine reads."""
    mtype = msg.get("type") or "unknown"
    row = {
        "wamid": msg["id"],
        "phone": str(msg["from"]),
        "name": name,
        "phone_number_id": phone_number_id,
        "timestamp": msg.get("timestamp"),
        "type": mtype,
        "body": "",
    }
    event = {"type": "unsupported", "kind": mtype}
    if mtype == "text":
        body = (msg.get("text") or {}).get("body") or ""
        row["body"] = body
        event = {"type": "text", "text": body}
    elif mtype == "interactive":
        inter = msg.get("interactive") or {}
        reply = inter.get("button_reply") or inter.get("list_reply") or {}
        row["body"] = reply.get("title") or ""
        event = {"type": "choice", "id": reply.get("id") or "", "text": reply.get("title") or ""}
    elif mtype == "button":  # quick reply of a template message
        btn = msg.get("button") or {}
        row["body"] = btn.get("text") or ""
        event = {"type": "choice", "id": btn.get("payload") or "", "text": btn.get("text") or ""}
    elif mtype == "location":
        loc = msg.get("location") or {}
        row["body"] = " ".join(str(loc.get(k) or "") for k in ("name", "address")).strip()
        event = {"type": "location", "latitude": loc.get("latitude"),
                 "longitude": loc.get("longitude"), "address": row["body"]}
    elif mtype in ("image", "document"):
        media = msg.get(mtype) or {}
        row["body"] = media.get("caption") or ""
        row["media_id"] = media.get("id")
        event = {"type": "image" if mtype == "image" else "unsupported", "kind": mtype,
                 "media_id": media.get("id"), "mime_type": media.get("mime_type"),
                 "caption": media.get("caption") or ""}
    row["event"] = event
    return row


def build_message(to, reply):
    """Graph API body for one reply of the conversation machine."""
    base = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
    kind = reply.get("type", "text")
    body = _cut(reply.get("body"), 1024 if kind != "text" else TEXT_LIMIT)
    if kind == "buttons" and reply.get("options"):
        buttons = [{"type": "reply", "reply": {"id": str(o["id"])[:256],
                                                "title": _cut(o["title"], BUTTON_TITLE_LIMIT)}}
                   for o in reply["options"][:BUTTON_MAX]]
        base.update(type="interactive", interactive={
            "type": "button", "body": {"text": body or "-"}, "action": {"buttons": buttons}})
    elif kind in ("list", "buttons") and reply.get("options"):
        rows = []
        for o in reply["options"][:ROW_MAX]:
            row = {"id": str(o["id"])[:200], "title": _cut(o["title"], ROW_TITLE_LIMIT)}
            if o.get("description"):
                row["description"] = _cut(o["description"], ROW_DESCRIPTION_LIMIT)
            rows.append(row)
        base.update(type="interactive", interactive={
            "type": "list", "body": {"text": body or "-"},
            "action": {"button": _cut(reply.get("button") or "Pilih", LIST_BUTTON_LIMIT),
                       "sections": [{"title": _cut(reply.get("section") or "Menu", 24),
                                     "rows": rows}]}})
    elif kind == "template":
        params = [{"type": "text", "text": _cut(str(p), 1024)} for p in reply.get("params") or []]
        template = {"name": reply["template"], "language": {"code": reply.get("language") or "id"}}
        if params:
            template["components"] = [{"type": "body", "parameters": params}]
        base.update(type="template", template=template)
    else:
        base.update(type="text", text={"preview_url": False, "body": body or "-"})
    return base


def preview(payload):
    """A short human-readable summary of a Graph API body."""
    kind = payload.get("type")
    if kind == "text":
        return payload["text"]["body"]
    if kind == "interactive":
        inter = payload["interactive"]
        if inter["type"] == "button":
            titles = [b["reply"]["title"] for b in inter["action"]["buttons"]]
        else:
            titles = [r["title"] for s in inter["action"]["sections"] for r in s["rows"]]
        return "%s [%s]" % (inter["body"]["text"], " | ".join(titles))
    if kind == "template":
        return "template %s" % payload["template"]["name"]
    return kind or ""
