from odoo import _, api, fields, models

from odoo.addons.vendor_billing.tools.id_format import format_month, format_number


class VendorBillingReport(models.Model):
    _inherit = 'vendor.billing.report'

    @api.multi
    def _get_report_sections(self):
        sections = super(VendorBillingReport, self)._get_report_sections()
        sections.append(self._section_complaints())
        return sections

    def _complaint_recap(self):
        """Figures of the month's complaints by category (read_group over
        customer_complaint's recap SQL view)."""
        start, end = self._dates()
        domain = [
            ('complaint_date', '>=', fields.Date.to_string(start) + ' 00:00:00'),
            ('complaint_date', '<=', fields.Date.to_string(end) + ' 23:59:59'),
        ]
        fields_ = ['nbr', 'handled_count', 'backlog_count', 'breached_count']
        Recap = self.env['complaint.recap'].sudo()
        groups = Recap.read_group(domain, fields_ + ['category_id'],
                                  ['category_id'], orderby='category_id')
        rows = [{
            'category': g['category_id'][1] if g['category_id'] else _('Tanpa kategori'),
            'count': g['nbr'], 'handled': g['handled_count'],
            'backlog': g['backlog_count'], 'breached': g['breached_count'],
        } for g in groups]
        total = {key: sum(r[key] for r in rows)
                 for key in ('count', 'handled', 'backlog', 'breached')}
        return rows, total

    def _section_complaints(self):
        rows, total = self._complaint_recap()
        period = format_month(self.period)
        rate = 100.0 * total['handled'] / total['count'] if total['count'] else 0.0
        summary = []
        if total['count']:
            summary = [
                _('Pada periode %s tercatat %s pengaduan pelanggan; %s '
                  'terselesaikan (%s%%) dan %s masih dalam proses.') % (
                    period, format_number(total['count']),
                    format_number(total['handled']), format_number(rate, 2),
                    format_number(total['backlog'])),
                _('%s pengaduan melewati batas waktu (SLA).')
                % format_number(total['breached']),
            ]
            top = max(rows, key=lambda r: r['count'])
            summary.append(_('Kategori terbanyak: %s (%s pengaduan).') % (
                top['category'], format_number(top['count'])))
        return {
            'code': 'complaints',
            'sequence': 50,
            'title': _('REKAP PENGADUAN PELANGGAN'),
            'template': 'vendor_billing_complaint.section_complaints',
            'values': {'rows': rows, 'total': total, 'summary': summary,
                       'rate': format_number(rate, 2)},
            'empty_text': False if total['count'] else _(
                'Tidak ada pengaduan pelanggan pada periode %s.') % period,
            'xlsx': '_xlsx_complaints',
        }

    def _xlsx_complaints(self, workbook, formats, section):
        sheet = workbook.add_worksheet(_('Pengaduan'))
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 4, 14)
        sheet.write_row(0, 0, [_('Kategori'), _('Pengaduan'), _('Selesai'),
                               _('Proses'), _('Lewat SLA')], formats['header'])
        values = section['values']
        row = 1
        for line in values['rows']:
            sheet.write_row(row, 0, [line['category'], line['count'],
                                     line['handled'], line['backlog'],
                                     line['breached']])
            row += 1
        total = values['total']
        sheet.write_row(row, 0, [_('Total'), total['count'], total['handled'],
                                 total['backlog'], total['breached']],
                        formats['header'])
        if values['rows']:
            chart = workbook.add_chart({'type': 'bar'})
            chart.add_series({'name': _('Pengaduan'),
                              'categories': [sheet.name, 1, 0, row - 1, 0],
                              'values': [sheet.name, 1, 1, row - 1, 1]})
            chart.set_title({'name': _('Pengaduan per Kategori')})
            sheet.insert_chart(row + 2, 0, chart)
        return sheet
