import pytz

from odoo import _, fields, models

MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
          'September', 'Oktober', 'November', 'Desember']


class InteractionRecapXlsx(models.AbstractModel):
    """The chatbot table of the monthly report: summary, per day, and the
    interaction log (unique id, phone, customer number, time)."""
    _name = 'report.wa_chatbot.interaction_recap_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, recaps):
        bold = workbook.add_format({'bold': True})
        head = workbook.add_format({'bold': True, 'bg_color': '#D9E1F2', 'border': 1})
        cell = workbook.add_format({'border': 1})
        for recap in recaps:
            month = recap.month and recap.month[:7] or ''
            year, mon = month.split('-') if month else ('', '1')
            sheet = workbook.add_worksheet('%s %s' % (MONTHS[int(mon) - 1], year))
            sheet.set_column(0, 0, 36)
            sheet.set_column(1, 6, 20)
            sheet.write(0, 0, _('WhatsApp Chatbot (Halo KruengBaro!) - %s %s')
                        % (MONTHS[int(mon) - 1], year), bold)
            rows = [
                (_('Interactions'), recap.interaction_count),
                (_('Distinct Customers'), recap.customer_count),
                (_('Days with Interactions'), recap.active_day_count),
                (_('Interactions per Day'), recap.per_day),
                (_('Outside Office Hours'), recap.outside_hours_count),
                (_('Complaints Filed'), recap.complaint_count),
            ]
            for i, (label, value) in enumerate(rows, start=2):
                sheet.write(i, 0, label, cell)
                sheet.write(i, 1, value, cell)
            interactions = recap._interactions()
            row = len(rows) + 4
            per_day = self.env['wa.interaction'].read_group(
                [('id', 'in', interactions.ids)], ['date'], ['date:day'], lazy=False)
            sheet.write(row, 0, _('Day'), head)
            sheet.write(row, 1, _('Interactions'), head)
            for group in per_day:
                row += 1
                sheet.write(row, 0, group['date:day'], cell)
                sheet.write(row, 1, group['__count'], cell)
            row += 2
            titles = [_('Unique ID'), _('Phone'), _('Customer Number'), _('Interaction Time'),
                      _('Intent'), _('Outcome')]
            for col, title in enumerate(titles):
                sheet.write(row, col, title, head)
            intents = dict(interactions._fields['intent']._description_selection(self.env))
            outcomes = dict(interactions._fields['outcome']._description_selection(self.env))
            for rec in interactions:
                row += 1
                tz = pytz.timezone(rec.account_id.tz or 'Asia/Jakarta')
                local = pytz.utc.localize(fields.Datetime.from_string(rec.date)).astimezone(tz)
                values = [rec.name, rec.phone, rec.customer_number or '',
                          local.strftime('%Y-%m-%d %H:%M:%S'),
                          intents.get(rec.intent, ''), outcomes.get(rec.outcome, '')]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, cell)
