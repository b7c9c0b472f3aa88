"""The whole month's report (PDF and XLSX) and the cover letter, timed.

Uses database $DB (default vb_bench), created with vendor_billing and its
demo data through scripts/db.sh when it does not exist. Renders the demo
contract's September 2024 report (three servers, releases, incidents and
every contributed section) as PDF and XLSX, and its cover letter.
Run from the repository root: .venv/bin/python bench/billing_report.py
"""
import os
import sys
import time

import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get('DB', 'vb_bench')
# the LESS compiler of the platform, for the report's stylesheets
os.environ['PATH'] = os.pathsep.join([
    os.path.join(ROOT, '.tools', 'node', 'node_modules', '.bin'),
    os.environ.get('PATH', '')])


def main():
    with benchlib.bench_env(DB, ['vendor_billing'],
                            context={'lang': 'id_ID'}) as env:
        report = env.ref('vendor_billing.report_202409_demo')
        t0 = time.time()
        sections = report._prepare_sections()
        t_sections = time.time() - t0
        t0 = time.time()
        pdf, _f = env.ref('vendor_billing.action_report_monthly')\
            .render_qweb_pdf(report.ids)
        t_pdf = time.time() - t0
        t0 = time.time()
        xlsx, _f = env.ref('vendor_billing.action_report_monthly_xlsx')\
            .render_xlsx(report.ids, {})
        t_xlsx = time.time() - t0
        contract = report.contract_id
        invoice = env['account.invoice'].search(
            [('contract_id', '=', contract.id),
             ('billing_period', '=', report.period)], limit=1)
        if not invoice:
            contract.recurring_next_date = '2024-10-03'
            invoice = contract.recurring_create_invoice()
        t0 = time.time()
        letter, _f = env.ref('vendor_billing.action_report_cover_letter')\
            .render_qweb_pdf(invoice.ids)
        t_letter = time.time() - t0
        visits = sum(s['stats']['total'] for s in
                     [x for x in sections if x['code'] == 'visits'][0]
                     ['values']['servers'])
        out = os.path.join(ROOT, 'artifacts')
        os.makedirs(out, exist_ok=True)
        for name, content in (('billing_report.pdf', pdf),
                              ('billing_report.xlsx', xlsx),
                              ('billing_letter.pdf', letter)):
            with open(os.path.join(out, name), 'wb') as handle:
                handle.write(content)
    print('database: %s, report: %s' % (DB, report.name))
    print('sections: %s; visits in the month: %d' % (
        ', '.join('%s. %s' % (s['letter'], s['code']) for s in sections), visits))
    print('sections and analysis: %.2f s' % t_sections)
    print('report PDF: %.2f s (%d bytes)' % (t_pdf, len(pdf)))
    print('report XLSX: %.2f s (%d bytes)' % (t_xlsx, len(xlsx)))
    print('cover letter PDF: %.2f s (%d bytes)' % (t_letter, len(letter)))
    print('report PDF + XLSX: %.2f s (aim: under 10 s)' % (t_pdf + t_xlsx))
    print('files written to artifacts/billing_report.pdf, .xlsx, '
          'billing_letter.pdf')


if __name__ == '__main__':
    sys.exit(main())
