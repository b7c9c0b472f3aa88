import string

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import charts, visitstats
from ..tools.duedate import month_end
from ..tools.id_format import DAYS, format_date, format_month, format_number


class VendorBillingReport(models.Model):
    """The monthly maintenance & development report of a contract.

    Extension point: a report is a list of sections. An addon adds one by
    overriding ``_get_report_sections`` (call ``super()``, append a dict,
    return the list). A section dict has:

    - ``code``: unique key; ``sequence``: position (10 development,
      20 maintenance, 30 visits; the letters A, B, C... follow the order);
    - ``title``: heading in the report's language;
    - ``template``: xml id of a QWeb template rendered with ``report``,
      ``section`` and the section's ``values``;
    - ``values``: what the template and the spreadsheet need;
    - ``empty_text``: when set, the section has no data for the month and
      this sentence is printed instead of the template;
    - ``xlsx``: optional name of a method of this model called as
      ``method(workbook, formats, section)`` to write the section's sheet.
    """
    _name = 'vendor.billing.report'
    _description = 'Monthly maintenance & development report'
    _inherit = ['mail.thread']
    _order = 'period desc, id desc'

    name = fields.Char(compute='_compute_name', store=True)
    contract_id = fields.Many2one(
        'account.analytic.account', required=True, ondelete='cascade',
        index=True, domain=[('vendor_billing', '=', True)],
        track_visibility='onchange')
    partner_id = fields.Many2one(related='contract_id.partner_id',
                                 readonly=True, store=True)
    company_id = fields.Many2one(related='contract_id.company_id',
                                 readonly=True, store=True)
    period = fields.Date(required=True, help="First day of the month reported.")
    date = fields.Date(string='Report date', default=fields.Date.context_today)
    invoice_ids = fields.One2many('account.invoice', 'billing_report_id')
    note = fields.Html(string='Introduction')

    _sql_constraints = [
        ('period_unique', 'unique(contract_id, period)',
         'There is already a report for this contract and month.'),
    ]

    @api.depends('contract_id.name', 'period')
    def _compute_name(self):
        for report in self:
            if report.period:
                report.name = '%s - %s' % (report.contract_id.name or '',
                                           format_month(report.period))

    @api.constrains('period')
    def _check_period(self):
        for report in self:
            if fields.Date.from_string(report.period).day != 1:
                raise ValidationError(_('The period of a report is a month: '
                                        'give its first day.'))

    @api.onchange('period')
    def _onchange_period(self):
        if self.period:
            self.period = fields.Date.to_string(
                fields.Date.from_string(self.period).replace(day=1))

    # Dates
    def _dates(self):
        start = fields.Date.from_string(self.period)
        return start, month_end(start)

    # Header values shared by the PDF and the spreadsheet
    def _header_values(self):
        self.ensure_one()
        contract = self.contract_id
        apps = contract.application_ids
        return {
            'title': _('LAPORAN PERAWATAN SERVER DAN PENGEMBANGAN SISTEM '
                       'PERIODE %s') % format_month(self.period).upper(),
            'work': contract.work_name or '',
            'system': contract.system_name or '',
            'applications': ['%s%s' % (a.name, _(' (Fitur Baru)') if a.is_new else '')
                             for a in apps],
            'period': format_month(self.period),
            'date': format_date(self.date or fields.Date.context_today(self)),
            'city': contract.letter_city or '',
            'signatory_name': (contract.signatory_name or '').upper(),
            'signatory_title': (contract.signatory_title or '').upper(),
        }

    # The extension point
    @api.multi
    def _get_report_sections(self):
        self.ensure_one()
        return [
            self._section_development(),
            self._section_maintenance(),
            self._section_visits(),
        ]

    @api.multi
    def _prepare_sections(self):
        """Sections in order, lettered, each rendered to HTML."""
        self.ensure_one()
        sections = sorted(self._get_report_sections(),
                          key=lambda s: (s.get('sequence', 100), s['code']))
        QWeb = self.env['ir.qweb']
        for index, section in enumerate(sections):
            section['letter'] = string.ascii_uppercase[index % 26]
            if section.get('empty_text'):
                section['html'] = ''
                continue
            values = dict(section.get('values') or {}, report=self,
                          section=section)
            html = QWeb.render(section['template'], values)
            section['html'] = html.decode() if isinstance(html, bytes) else html
        return sections

    def _period_records(self, model):
        """Records of `model` for this report's contract dated in its month,
        in date order."""
        start, end = self._dates()
        return self.env[model].search([
            ('contract_id', '=', self.contract_id.id),
            ('date', '>=', fields.Date.to_string(start)),
            ('date', '<=', fields.Date.to_string(end)),
        ], order='date, id')

    # A. Development
    def _section_development(self):
        releases = self._period_records('vendor.billing.release')
        period = format_month(self._dates()[0])
        return {
            'code': 'development',
            'sequence': 10,
            'title': _('LAPORAN PENGEMBANGAN'),
            'template': 'vendor_billing.section_development',
            'values': {
                'releases': [{
                    'version': r.version,
                    'date': format_date(r.date, zero_pad=False, weekday=True),
                    'source': r.source_url or '',
                    'changes': [(c.title, c.name) for c in r.change_ids],
                } for r in releases],
            },
            'empty_text': False if releases else _(
                'Tidak ada rilis aplikasi pada periode %s.') % period,
            'xlsx': '_xlsx_development',
        }

    # B. Maintenance
    def _section_maintenance(self):
        incidents = self._period_records('vendor.billing.incident')
        period = format_month(self._dates()[0])
        return {
            'code': 'maintenance',
            'sequence': 20,
            'title': _('LAPORAN MAINTENANCE SERVER'),
            'template': 'vendor_billing.section_maintenance',
            'values': {
                'incidents': [{
                    'name': i.name,
                    'date': format_date(i.date, zero_pad=False),
                    'kind': i.kind, 'action': i.action, 'impact': i.impact or '',
                    'duration': format_number(i.duration, 2) if i.duration else '',
                    'source': i.source_url or '',
                } for i in incidents],
            },
            'empty_text': False if incidents else _(
                'Tidak ada gangguan server yang tercatat pada periode %s.')
            % period,
            'xlsx': '_xlsx_maintenance',
        }

    # C. Visits
    def _visit_data(self):
        """Per server: name, daily series and statistics; and the shares."""
        start, end = self._dates()
        servers = self.contract_id.server_ids or self.env[
            'vendor.billing.server'].search([])
        counts = self.env['vendor.billing.visit']._daily_counts(start, end,
                                                                servers)
        result = []
        for server in servers:
            series = visitstats.month_series(start, counts.get(server.id, {}))
            result.append({'server': server, 'name': server.name,
                           'series': series,
                           'stats': visitstats.visit_stats(series)})
        totals = {item['name']: item['stats']['total'] for item in result}
        share = visitstats.shares(totals)
        for item in result:
            item['share'] = share[item['name']]
        return result, totals

    def _section_visits(self):
        start, _end = self._dates()
        period = format_month(start)
        data, totals = self._visit_data()
        servers = []
        for item in data:
            stats = item['stats']
            servers.append({
                'name': item['name'],
                'total': format_number(stats['total']),
                'share': format_number(item['share'], 2),
                'stats': stats,
                'rows': [
                    (_('Total kunjungan'), format_number(stats['total'])),
                    (_('Rata-rata per hari'), format_number(stats['daily_avg'], 2)),
                    (_('Rata-rata hari kerja'), format_number(stats['weekday_avg'], 2)),
                    (_('Rata-rata akhir pekan'), format_number(stats['weekend_avg'], 2)),
                    (_('Tertinggi'), '%s (%s)' % (
                        format_number(stats['highest']),
                        ', '.join(str(d.day) for d in stats['highest_days']))),
                    (_('Terendah'), '%s (%s)' % (
                        format_number(stats['lowest']),
                        ', '.join(str(d.day) for d in stats['lowest_days']))),
                    (_('Hari tanpa kunjungan'), str(len(stats['zero_days']))),
                    (_('Kisaran hari kerja'), '%s - %s' % (
                        format_number(stats['weekday_min']),
                        format_number(stats['weekday_max']))),
                    (_('Pangsa kunjungan'), '%s%%' % format_number(item['share'], 2)),
                ],
                'dow': [(DAYS[i], format_number(stats['dow_avg'][i], 2))
                        for i in range(7)],
                'chart': charts.bar_chart(
                    [str(d.day) for d, _v in item['series']],
                    [v for _d, v in item['series']],
                    title=_('Angka Kunjungan %s - %s') % (item['name'], period),
                    weekend=[d.weekday() >= 5 for d, _v in item['series']]),
                'paragraphs': visitstats.analysis_paragraphs(
                    item['name'], start, stats),
                'conclusion': visitstats.conclusion(item['name'], stats),
                'series': item['series'],
            })
        names = [item['name'] for item in data]
        grand = sum(totals.values())
        return {
            'code': 'visits',
            'sequence': 30,
            'title': _('NUMBER OF VISITS REPORT'),
            'template': 'vendor_billing.section_visits',
            'values': {
                'period': period,
                'servers': servers,
                'share_chart': charts.pie_chart(
                    names, [totals[n] for n in names],
                    title=_('Persentase Penggunaan Server - %s') % period),
                'summary': visitstats.servers_summary(totals, names),
                'grand_total': format_number(grand),
            },
            'empty_text': False if grand else _(
                'Tidak ada data kunjungan untuk periode %s.') % period,
            'xlsx': '_xlsx_visits',
        }

    # Spreadsheet writers (report_xlsx)
    def _xlsx_development(self, workbook, formats, section):
        sheet = workbook.add_worksheet(_('Pengembangan'))
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 22)
        sheet.set_column(2, 3, 60)
        headers = [_('Versi'), _('Tanggal'), _('Perubahan'), _('Sumber')]
        sheet.write_row(0, 0, headers, formats['header'])
        row = 1
        for release in section['values']['releases']:
            for title, text in release['changes'] or [('', '')]:
                sheet.write_row(row, 0, [release['version'], release['date'],
                                         '%s: %s' % (title, text) if title else '',
                                         release['source']])
                row += 1
        return sheet

    def _xlsx_maintenance(self, workbook, formats, section):
        sheet = workbook.add_worksheet(_('Maintenance'))
        sheet.set_column(0, 6, 24)
        headers = [_('Gangguan'), _('Tanggal'), _('Jenis'), _('Tindakan'),
                   _('Dampak'), _('Durasi (jam)'), _('Sumber')]
        sheet.write_row(0, 0, headers, formats['header'])
        for row, incident in enumerate(section['values']['incidents'], 1):
            sheet.write_row(row, 0, [incident['name'], incident['date'],
                                     incident['kind'], incident['action'],
                                     incident['impact'], incident['duration'],
                                     incident['source']])
        return sheet

    def _xlsx_visits(self, workbook, formats, section):
        sheet = workbook.add_worksheet(_('Kunjungan'))
        servers = section['values']['servers']
        sheet.set_column(0, 0, 14)
        sheet.write(0, 0, _('Tanggal'), formats['header'])
        for col, server in enumerate(servers, 1):
            sheet.set_column(col, col, 14)
            sheet.write(0, col, server['name'], formats['header'])
        days = len(servers[0]['series']) if servers else 0
        for index in range(days):
            day = servers[0]['series'][index][0]
            sheet.write_datetime(index + 1, 0,
                                 fields.Datetime.from_string(
                                     fields.Date.to_string(day)),
                                 formats['date'])
            for col, server in enumerate(servers, 1):
                sheet.write_number(index + 1, col, server['series'][index][1])
        total_row = days + 1
        sheet.write(total_row, 0, _('Total'), formats['header'])
        for col, server in enumerate(servers, 1):
            sheet.write_number(total_row, col, server['stats']['total'],
                               formats['header'])
        if not servers:
            return sheet
        line = workbook.add_chart({'type': 'column'})
        for col, server in enumerate(servers, 1):
            line.add_series({
                'name': [sheet.name, 0, col],
                'categories': [sheet.name, 1, 0, days, 0],
                'values': [sheet.name, 1, col, days, col],
            })
        line.set_title({'name': _('Kunjungan Harian per Server')})
        line.set_size({'width': 900, 'height': 360})
        sheet.insert_chart(1, len(servers) + 2, line)
        pie = workbook.add_chart({'type': 'pie'})
        pie.add_series({
            'name': _('Persentase Penggunaan Server'),
            'categories': [sheet.name, 0, 1, 0, len(servers)],
            'values': [sheet.name, total_row, 1, total_row, len(servers)],
            'data_labels': {'percentage': True},
        })
        pie.set_title({'name': _('Persentase Penggunaan Server')})
        sheet.insert_chart(20, len(servers) + 2, pie)
        # Statistics per server
        stats_row = total_row + 2
        for server in servers:
            sheet.write(stats_row, 0, server['name'], formats['header'])
            stats_row += 1
            for label, value in server['rows']:
                sheet.write_row(stats_row, 0, [label, value])
                stats_row += 1
            for label, value in server['dow']:
                sheet.write_row(stats_row, 0, [label, value])
                stats_row += 1
            stats_row += 1
        return sheet
