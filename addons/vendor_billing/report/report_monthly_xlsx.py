from odoo import _, models


class VendorBillingReportXlsx(models.AbstractModel):
    _name = 'report.vendor_billing.report_monthly_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, reports):
        formats = {
            'title': workbook.add_format({'bold': True, 'font_size': 13}),
            'header': workbook.add_format({'bold': True, 'bg_color': '#DDEBF7',
                                           'border': 1}),
            'date': workbook.add_format({'num_format': 'dd/mm/yyyy'}),
            'wrap': workbook.add_format({'text_wrap': True, 'valign': 'top'}),
        }
        for report in reports:
            header = report._header_values()
            sections = report._prepare_sections()
            sheet = workbook.add_worksheet(_('Ringkasan'))
            sheet.set_column(0, 0, 28)
            sheet.set_column(1, 1, 90)
            sheet.write(0, 0, header['title'], formats['title'])
            rows = [(_('PEKERJAAN'), header['work']),
                    (_('APLIKASI'), '%s: %s' % (header['system'],
                                               ', '.join(header['applications']))),
                    (_('PERIODE'), header['period'])]
            for row, (label, value) in enumerate(rows, 2):
                sheet.write(row, 0, label, formats['header'])
                sheet.write(row, 1, value, formats['wrap'])
            row = len(rows) + 3
            for section in sections:
                sheet.write(row, 0, '%s. %s' % (section['letter'], section['title']),
                            formats['header'])
                sheet.write(row, 1, section.get('empty_text') or '')
                row += 1
                writer = section.get('xlsx')
                if writer and not section.get('empty_text'):
                    getattr(report, writer)(workbook, formats, section)
