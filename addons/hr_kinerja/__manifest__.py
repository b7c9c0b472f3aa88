# Copyright 2026 Krueng Baro Digital
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    'name': 'E-Kinerja',
    'summary': 'SKP-style yearly performance plans, daily activity reports '
               'approved by supervisors and monthly scoring',
    'version': '11.0.1.1.0',
    'category': 'Human Resources',
    'license': 'AGPL-3',
    'author': 'Krueng Baro Digital',
    'website': 'https://github.com/kruengbaro/pdam-odoo',
    'development_status': 'Beta',
    'maintainers': ['kruengbaro'],
    'depends': [
        'hr',
        'mail',
        'report_xlsx',
        'hr_simpeg',
        'hr_presensi',
    ],
    'data': [
        'security/hr_kinerja_security.xml',
        'security/ir.model.access.csv',
        'data/kinerja_scheme_data.xml',
        'data/ir_cron_data.xml',
        'report/kinerja_reports.xml',
        'report/kinerja_plan_templates.xml',
        'views/kinerja_scheme_views.xml',
        'views/kinerja_plan_views.xml',
        'views/kinerja_activity_views.xml',
        'views/kinerja_assessment_views.xml',
        'views/kinerja_dashboard_views.xml',
        'wizards/kinerja_wizard_views.xml',
        'views/hr_kinerja_menus.xml',
    ],
    'demo': [
        'demo/kinerja_demo.xml',
    ],
    'installable': True,
    'application': True,
}
