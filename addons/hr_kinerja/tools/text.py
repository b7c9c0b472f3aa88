# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Dates and numbers written the Indonesian way (no Odoo imports)."""

MONTHS_ID = ('Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
             'Agustus', 'September', 'Oktober', 'November', 'Desember')


def date_id(day):
    """03 Oktober 2024."""
    if not day:
        return ''
    return '%02d %s %d' % (day.day, MONTHS_ID[day.month - 1], day.year)


def month_id(day):
    """Oktober 2024."""
    if not day:
        return ''
    return '%s %d' % (MONTHS_ID[day.month - 1], day.year)


def number_id(value, digits=2):
    """1.234,5 with Indonesian separators; trailing zeros dropped."""
    text = '{:,.{d}f}'.format(value or 0.0, d=digits)
    if digits:
        text = text.rstrip('0').rstrip('.')
    return text.replace(',', '\x00').replace('.', ',').replace('\x00', '.')


def year_from_text(value):
    """2026 from "2026" (spaces around allowed); None when the text is
    not a plain number, e.g. "2.026" or "tahun ini"."""
    value = (value or '').strip()
    if not value or not all('0' <= char <= '9' for char in value):
        return None
    return int(value)
