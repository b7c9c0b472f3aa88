# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'WhatsApp Chatbot (Halo KruengBaro!)',
    'summary': 'Customers file and follow complaints on WhatsApp (Cloud API), '
               'officers take over the chat, every interaction is logged',
    'version': '11.0.1.0.0',
    'category': 'After-Sales',
    'license': 'AGPL-3',
    'author': 'Krueng Baro Digital',
    'website': 'https://github.com/kruengbaro/pdam-odoo',
    'development_status': 'Beta',
    'maintainers': ['kruengbaro'],
    'depends': [
        'mail',
        'customer_complaint',
        'report_xlsx',
    ],
    'external_dependencies': {'python': ['requests', 'xlsxwriter']},
    'data': [
        'security/wa_chatbot_security.xml',
        'security/ir.model.access.csv',
        'data/wa_node_data.xml',
        'data/wa_account_data.xml',
        'data/ir_cron_data.xml',
        'views/wa_node_views.xml',
        'views/wa_session_views.xml',
        'views/wa_message_views.xml',
        'views/wa_outbox_views.xml',
        'views/wa_account_views.xml',
        'views/wa_interaction_views.xml',
        'views/wa_interaction_recap_views.xml',
        'views/helpdesk_ticket_views.xml',
        'report/wa_interaction_report.xml',
        'views/wa_chatbot_menus.xml',
    ],
    'demo': [
        'demo/wa_chatbot_demo.xml',
    ],
    'installable': True,
    'application': True,
}
