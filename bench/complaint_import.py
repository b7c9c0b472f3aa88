"""The 12,000-customer register imported through the CSV wizard, timed.

Uses database $DB (default complaint_bench), created with customer_complaint
through scripts/db.sh when it does not exist. Runs inside one transaction
that is rolled back at the end. Run from the repository root:
    .venv/bin/python bench/complaint_import.py
Aim: under 60 s. A second run of the same file (updates) is timed too,
and the partners of the register are counted after each run.
"""
import base64
import io
import os
import random
import time

import benchlib

DB = os.environ.get('DB', 'complaint_bench')
CUSTOMERS = int(os.environ.get('CUSTOMERS', 12000))
AIM = 60.0


def register_csv(zone_codes):
    rng = random.Random(12000)
    out = io.StringIO()
    out.write('customer_number;name;meter_number;tariff_group;zone_code;'
              'street;city;mobile\n')
    for i in range(CUSTOMERS):
        out.write('%d;Pelanggan %d;MTR-%06d;%s;%s;Jl. Uji No. %d;Sigli;'
                  '08%02d%08d\n' % (
                      50000 + i, i, i, rng.choice(['R1', 'R2', 'N1', 'S1']),
                      rng.choice(zone_codes), i % 200, rng.choice([11, 12, 52]),
                      rng.randrange(10 ** 8)))
    return out.getvalue().encode('utf-8')


def main():
    with benchlib.bench_env(DB, ['customer_complaint']) as env:
        cr = env.cr
        zones = env['complaint.zone'].search([]).mapped('code')
        if not zones:
            zones = [env['complaint.zone'].create(
                {'name': 'Bench', 'code': 'BZ'}).code]
        content = base64.b64encode(register_csv(zones))
        Wizard = env['complaint.customer.import']
        for label in ('first import (creates)', 'second import (updates)'):
            wizard = Wizard.create({'file': content})
            start = time.time()
            wizard.action_import()
            elapsed = time.time() - start
            print('%-26s %6d created %6d updated  %6.1f s  %5.0f rows/s  %s'
                  % (label, wizard.created_count, wizard.updated_count,
                     elapsed, CUSTOMERS / elapsed,
                     'ok' if elapsed < AIM else 'over %d s' % AIM))
            cr.execute("SELECT count(*), count(DISTINCT customer_number) "
                       "FROM res_partner WHERE customer_number::bigint "
                       "BETWEEN 50000 AND %s", (50000 + CUSTOMERS - 1,))
            print('%-26s %6d partners, %d distinct numbers'
                  % ('  in the database', *cr.fetchone()))


if __name__ == '__main__':
    main()
