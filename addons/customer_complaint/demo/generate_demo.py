"""Write the demo data files (customers and complaints) deterministically.

Run from the repository root:
    .venv/bin/python addons/customer_complaint/demo/generate_demo.py
The same seed always gives the same files; complaint dates are relative to
the day the demo data is loaded (the last three months).
"""
import os
import random
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260
CUSTOMERS = 500
COMPLAINTS = 300
DAYS = 90

FIRST = ['Muhammad', 'Teuku', 'Cut', 'Nurul', 'Fadli', 'Rahmat', 'Zulfikar',
         'Aisyah', 'Safrizal', 'Yusri', 'Maulida', 'Iskandar', 'Hasbi', 'Rina',
         'Zainal', 'Fitri', 'Munawar', 'Dewi', 'Saiful', 'Khairul', 'Nadia',
         'Rizki', 'Husna', 'Samsul']
LAST = ['Abdullah', 'Hasan', 'Ibrahim', 'Yusuf', 'Ismail', 'Daud', 'Umar',
        'Ali', 'Harun', 'Syahputra', 'Rahman', 'Saleh', 'Amin', 'Zakaria']
STREETS = ['Jl. Teuku Umar', 'Jl. Cut Nyak Dhien', 'Jl. Tgk. Chik Ditiro',
           'Jl. Iskandar Muda', 'Jl. Lingkar Kota', 'Lr. Meunasah',
           'Jl. Banda Aceh - Medan', 'Jl. Prof. A. Majid Ibrahim']
VILLAGES = ['Gampong Baro', 'Blang Paseh', 'Kramat Luar', 'Tijue',
            'Pante Teungoh', 'Lampoh Krueng', 'Kuala Pidie', 'Meunasah Peukan']
ZONES = ['zone_1_demo', 'zone_2_demo', 'zone_3_demo', 'zone_4_demo',
         'zone_5_demo']
TARIFFS = [('R1', 30), ('R2', 40), ('R3', 10), ('S1', 4), ('N1', 8),
           ('N2', 3), ('I1', 3), ('K1', 2)]
CATEGORIES = [('category_pipe_leak', 26), ('category_no_water', 30),
              ('category_water_quality', 10), ('category_meter', 10),
              ('category_billing', 14), ('category_connection', 5),
              ('category_other', 5)]
CHANNELS = [('channel_walk_in', 25), ('channel_phone', 25),
            ('channel_whatsapp', 40), ('channel_web', 10)]
DESCRIPTIONS = {
    'category_pipe_leak': 'Pipa bocor di depan rumah, air meluap ke jalan.',
    'category_no_water': 'Air tidak mengalir sejak pagi.',
    'category_water_quality': 'Air keruh dan berbau.',
    'category_meter': 'Meter air berputar padahal keran tertutup.',
    'category_billing': 'Tagihan bulan ini jauh lebih tinggi dari biasa.',
    'category_connection': 'Permohonan pemasangan sambungan baru.',
    'category_other': 'Pertanyaan tentang layanan.',
}
# Typical resolution hours per category (the SLA targets are 6-70 h).
RESOLUTION = {'category_pipe_leak': 20, 'category_no_water': 18,
              'category_water_quality': 40, 'category_meter': 60,
              'category_billing': 80, 'category_connection': 150,
              'category_other': 60}


def pick(rng, weighted):
    total = sum(w for _v, w in weighted)
    roll = rng.uniform(0, total)
    for value, weight in weighted:
        roll -= weight
        if roll <= 0:
            return value
    return weighted[-1][0]


def ago(hours):
    return ("(DateTime.today() - relativedelta(hours=%d))"
            ".strftime('%%Y-%%m-%%d %%H:%%M:%%S')" % hours)


def customers(rng):
    lines = []
    for i in range(CUSTOMERS):
        name = '%s %s' % (rng.choice(FIRST), rng.choice(LAST))
        number = 10001 + i * 7
        phone = '08%02d%08d' % (rng.choice([11, 12, 13, 52, 53, 21]),
                                rng.randrange(10 ** 8))
        street = '%s No. %d, %s' % (rng.choice(STREETS), rng.randint(1, 120),
                                    rng.choice(VILLAGES))
        zone = ZONES[i % len(ZONES)]
        lines.append(
            '    <record id="customer_%04d_demo" model="res.partner">\n'
            '        <field name="name">%s</field>\n'
            '        <field name="customer_number">%05d</field>\n'
            '        <field name="meter_number">MTR-%06d</field>\n'
            '        <field name="tariff_group">%s</field>\n'
            '        <field name="zone_id" ref="%s"/>\n'
            '        <field name="street">%s</field>\n'
            '        <field name="city">Sigli</field>\n'
            '        <field name="mobile">%s</field>\n'
            '        <field name="customer" eval="True"/>\n'
            '    </record>\n' % (i, escape(name), number, number * 3 % 999983,
                                 pick(rng, TARIFFS), zone, escape(street),
                                 phone))
    return lines


def complaints(rng):
    lines = []
    for i in range(COMPLAINTS):
        customer = rng.randrange(CUSTOMERS)
        category = pick(rng, CATEGORIES)
        hours_ago = rng.randrange(1, DAYS * 24)
        # Slightly more complaints in the recent weeks.
        if rng.random() < 0.3:
            hours_ago = rng.randrange(1, 30 * 24)
        first_response = max(0.2, rng.gauss(3, 2))
        resolution = max(first_response + 0.5,
                         rng.gauss(RESOLUTION[category],
                                   RESOLUTION[category] * 0.5))
        if resolution < hours_ago and rng.random() < 0.92:
            stage = 'helpdesk_mgmt.helpdesk_ticket_stage_done'
            if rng.random() < 0.04:
                stage = 'helpdesk_mgmt.helpdesk_ticket_stage_cancelled'
        elif first_response < hours_ago:
            stage = rng.choice(['helpdesk_mgmt.helpdesk_ticket_stage_in_progress',
                                'helpdesk_mgmt.helpdesk_ticket_stage_in_progress',
                                'helpdesk_mgmt.helpdesk_ticket_stage_awaiting'])
        else:
            stage = 'helpdesk_mgmt.helpdesk_ticket_stage_new'
        closed = stage.endswith(('_done', '_cancelled'))
        fields = [
            '        <field name="partner_id" ref="customer_%04d_demo"/>' % customer,
            '        <field name="category_id" ref="%s"/>' % category,
            '        <field name="channel_id" ref="%s"/>' % pick(rng, CHANNELS),
            '        <field name="priority">%s</field>' % pick(
                rng, [('0', 10), ('1', 60), ('2', 22), ('3', 8)]),
            '        <field name="name">%s</field>' % escape(
                DESCRIPTIONS[category].split(',')[0].rstrip('.')),
            '        <field name="description">%s</field>' % escape(
                DESCRIPTIONS[category]),
            '        <field name="complaint_date" eval="%s"/>' % ago(hours_ago),
            '        <field name="stage_id" ref="%s"/>' % stage,
        ]
        if not stage.endswith('_new'):
            fields.append('        <field name="first_response_date" eval="%s"/>'
                          % ago(hours_ago - int(first_response)))
        if closed:
            fields.append('        <field name="closed_date" eval="%s"/>'
                          % ago(max(0, hours_ago - int(resolution))))
            if stage.endswith('_done') and rng.random() < 0.45:
                fields.append('        <field name="rating">%d</field>'
                              % pick(rng, [(5, 40), (4, 35), (3, 15), (2, 6),
                                           (1, 4)]))
        lines.append('    <record id="complaint_%04d_demo" model="helpdesk.ticket">\n'
                     '%s\n    </record>\n' % (i, '\n'.join(fields)))
    # An outage: a burst of no-water complaints in zone 3 yesterday.
    zone3 = [c for c in range(CUSTOMERS) if c % len(ZONES) == 2]
    for k, customer in enumerate(rng.sample(zone3, 6)):
        hours_ago = 26 - k
        lines.append(
            '    <record id="complaint_outage_%d_demo" model="helpdesk.ticket">\n'
            '        <field name="partner_id" ref="customer_%04d_demo"/>\n'
            '        <field name="category_id" ref="category_no_water"/>\n'
            '        <field name="channel_id" ref="channel_whatsapp"/>\n'
            '        <field name="name">Air tidak mengalir</field>\n'
            '        <field name="description">Air mati sejak subuh.</field>\n'
            '        <field name="complaint_date" eval="%s"/>\n'
            '    </record>\n' % (k, customer, ago(hours_ago)))
    return lines


def write(name, lines, context=None):
    ctx = ' context="%s"' % context if context else ''
    with open(os.path.join(HERE, name), 'w') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n'
                '<!-- Generated by generate_demo.py; do not edit by hand. -->\n'
                '<odoo>\n')
        for line in lines:
            f.write(line.replace(' model="', ctx + ' model="', 1) if ctx
                    else line)
        f.write('</odoo>\n')


def main():
    rng = random.Random(SEED)
    write('res_partner_demo.xml', customers(rng),
          "{'tracking_disable': True}")
    write('helpdesk_ticket_demo.xml', complaints(rng),
          "{'tracking_disable': True, 'mail_notrack': True, "
          "'mail_create_nolog': True}")


if __name__ == '__main__':
    main()
