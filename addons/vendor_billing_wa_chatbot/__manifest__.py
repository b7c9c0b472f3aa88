# Copyright 2024 Krueng Baro Digital
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Vendor Billing - WhatsApp Chatbot',
    'summary': 'WhatsApp chatbot interactions section in the monthly vendor '
               'report',
    'version': '11.0.1.0.0',
    'category': 'Accounting',
    'license': 'AGPL-3',
    'author': 'Krueng Baro Digital',
    'website': 'https://github.com/kruengbaro/pdam-odoo',
    'development_status': 'Beta',
    'maintainers': ['kruengbaro'],
    'depends': ['vendor_billing', 'wa_chatbot'],
    'data': ['report/report_section.xml'],
    'auto_install': True,
    'installable': True,
}
