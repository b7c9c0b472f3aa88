# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    'name': 'Customer Complaints (Pengaduan Pelanggan)',
    'summary': 'Water-customer complaints on the OCA helpdesk: SLAs, '
               'assignment, outages, public form and monthly recap',
    'version': '11.0.1.0.0',
    'category': 'After-Sales',
    'license': 'AGPL-3',
    'author': 'Krueng Baro Digital',
    'website': 'https://github.com/kruengbaro/pdam-odoo',
    'development_status': 'Beta',
    'maintainers': ['kruengbaro'],
    'depends': [
        'helpdesk_mgmt',
        'resource',
        'report_xlsx',
    ],
    'data': [
        'security/customer_complaint_security.xml',
        'security/ir.model.access.csv',
        'data/helpdesk_data.xml',
        'data/mail_template_data.xml',
        'data/complaint_sla_policy_data.xml',
        'data/ir_cron_data.xml',
        'data/ir_config_parameter_data.xml',
        'views/complaint_zone_views.xml',
        'views/complaint_sla_policy_views.xml',
        'views/complaint_assignment_rule_views.xml',
        'views/complaint_outage_views.xml',
        'views/helpdesk_ticket_views.xml',
        'views/helpdesk_ticket_team_views.xml',
        'views/helpdesk_ticket_stage_views.xml',
        'views/res_partner_views.xml',
        'views/customer_complaint_menus.xml',
    ],
    'installable': True,
    'application': True,
}
