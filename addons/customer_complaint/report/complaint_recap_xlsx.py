from odoo import _, models


class ComplaintRecapXlsx(models.AbstractModel):
    _name = 'report.customer_complaint.recap_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, dashboards):
        bold = workbook.add_format({'bold': True})
        title = workbook.add_format({'bold': True, 'font_size': 14})
        pct = workbook.add_format({'num_format': '0.0'})
        num = workbook.add_format({'num_format': '0.00'})
        for dashboard in dashboards:
            fig = dashboard.get_figures()
            sheet = workbook.add_worksheet(fig['month_label'][:31])
            sheet.set_column(0, 0, 38)
            sheet.set_column(1, 9, 14)
            sheet.write(0, 0, _('Complaint recap %s') % fig['month_label'],
                        title)
            summary = [
                (_('Complaints'), fig['total'], None),
                (_('Handled'), fig['handled'], None),
                (_('Still open'), fig['backlog'], None),
                (_('SLA breached'), fig['breached'], None),
                (_('Handled (%)'), fig['handled_pct'], pct),
                (_('Resolved within SLA (%)'), fig['within_sla_pct'], pct),
                (_('Avg. response (hours)'), fig['response_hours'], num),
                (_('Avg. resolution (hours)'), fig['resolution_hours'], num),
                (_('Avg. satisfaction (1-5)'), fig['rating'], num),
                (_('Handled >= 80 %'),
                 _('Yes') if fig['meets_target'] else _('No'), None),
            ]
            row = 2
            for label, value, fmt in summary:
                sheet.write(row, 0, label, bold)
                if value is None:
                    sheet.write(row, 1, '-')
                else:
                    sheet.write(row, 1, value, fmt)
                row += 1
            headers = [_('Complaints'), _('Handled'), _('Open'),
                       _('Breached'), _('Handled (%)'),
                       _('Within SLA (%)'), _('Avg. response (h)'),
                       _('Avg. resolution (h)')]
            keys = ['total', 'handled', 'backlog', 'breached', 'handled_pct',
                    'within_sla_pct', 'response_hours', 'resolution_hours']
            for label, lines in fig['dimensions']:
                row += 1
                sheet.write(row, 0, label, bold)
                for col, header in enumerate(headers, start=1):
                    sheet.write(row, col, header, bold)
                row += 1
                for line in lines:
                    sheet.write(row, 0, line['name'])
                    for col, key in enumerate(keys, start=1):
                        value = line[key]
                        sheet.write(row, col, '-' if value is None else value)
                    row += 1
            row += 1
            sheet.write(row, 0, _('Backlog by age (today)'), bold)
            row += 1
            for bucket, count in fig['backlog_ages']:
                sheet.write(row, 0, _('%s days') % bucket)
                sheet.write(row, 1, count)
                row += 1
