import datetime

import pytz

from odoo import _, api, fields, models

from odoo.addons.vendor_billing.tools.id_format import (
    format_month, format_number)

TABLE_LIMIT = 500


class VendorBillingReport(models.Model):
    _inherit = 'vendor.billing.report'

    @api.multi
    def _get_report_sections(self):
        sections = super(VendorBillingReport, self)._get_report_sections()
        sections.append(self._section_chatbot())
        return sections

    def _chatbot_range(self):
        """The month's bounds in UTC, for the company's time zone."""
        start, end = self._dates()
        tz = pytz.timezone(self.env.user.tz or 'Asia/Jakarta')
        first = tz.localize(datetime.datetime.combine(start, datetime.time()))
        last = tz.localize(datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time()))
        to_utc = lambda moment: fields.Datetime.to_string(
            moment.astimezone(pytz.utc).replace(tzinfo=None))
        return to_utc(first), to_utc(last), tz

    def _section_chatbot(self):
        date_from, date_to, tz = self._chatbot_range()
        domain = [('date', '>=', date_from), ('date', '<', date_to)]
        Interaction = self.env['wa.interaction'].sudo()
        total = Interaction.search_count(domain)
        customers = Interaction.read_group(domain, ['phone'], ['phone'])
        outside = Interaction.search_count(
            domain + [('outside_office_hours', '=', True)])
        records = Interaction.search(domain, order='date desc, id desc',
                                     limit=TABLE_LIMIT)
        rows = []
        per_day = {}
        for record in records:
            local = pytz.utc.localize(fields.Datetime.from_string(
                record.date)).astimezone(tz)
            rows.append({'name': record.name, 'phone': record.phone,
                         'customer_number': record.customer_number or '',
                         'time': local.strftime('%Y-%m-%d %H:%M:%S')})
        days = Interaction.read_group(domain, ['date'], ['date:day'])
        for group in days:
            per_day[group['date:day']] = group['date_count']
        period = format_month(self.period)
        summary = []
        if total:
            repeat = max(g['phone_count'] for g in customers)
            summary.append(_('Jumlah interaksi pada %s: %s, dari %s pelanggan '
                             'berbeda (nomor WhatsApp).') % (
                period, format_number(total), format_number(len(customers))))
            if repeat > 1:
                summary.append(_('Interaksi terbanyak dari satu pelanggan: %s.')
                               % format_number(repeat))
            else:
                summary.append(_('Setiap pelanggan berinteraksi satu kali.'))
            summary.append(_('Interaksi terjadi pada %s hari berbeda; paling '
                             'banyak %s interaksi dalam satu hari.') % (
                format_number(len(per_day)),
                format_number(max(per_day.values()) if per_day else 0)))
            summary.append(_('%s interaksi terjadi di luar jam kerja.')
                           % format_number(outside))
            if total > len(rows):
                summary.append(_('Tabel menampilkan %s interaksi terakhir.')
                               % format_number(len(rows)))
        return {
            'code': 'chatbot',
            'sequence': 40,
            'title': _('WHATSAPP CHATBOT (Halo KruengBaro!)'),
            'template': 'vendor_billing_wa_chatbot.section_chatbot',
            'values': {'rows': rows, 'summary': summary, 'total': total,
                       'customers': len(customers), 'outside': outside,
                       'period': period},
            'empty_text': False if total else _(
                'Tidak ada interaksi WhatsApp chatbot pada periode %s.') % period,
            'xlsx': '_xlsx_chatbot',
        }

    def _xlsx_chatbot(self, workbook, formats, section):
        sheet = workbook.add_worksheet(_('Chatbot'))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 3, 20)
        sheet.write_row(0, 0, [_('ID UNIQUE'), _('NO PELANGGAN'),
                               _('ID PELANGGAN'), _('WAKTU INTERAKSI')],
                        formats['header'])
        for row, line in enumerate(section['values']['rows'], 1):
            sheet.write_row(row, 0, [line['name'], line['phone'],
                                     line['customer_number'], line['time']])
        start = len(section['values']['rows']) + 2
        for offset, sentence in enumerate(section['values']['summary']):
            sheet.write(start + offset, 0, sentence)
        return sheet
