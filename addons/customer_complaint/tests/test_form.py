import io
import re
from contextlib import contextmanager

from PIL import Image

from odoo import SUPERUSER_ID, api
from odoo.tests.common import PORT, HttpCase

BASE = 'http://127.0.0.1:%s' % PORT


def png_bytes(size=(8, 8)):
    buf = io.BytesIO()
    Image.new('RGB', size, (0, 90, 200)).save(buf, 'PNG')
    return buf.getvalue()


class TestPublicForm(HttpCase):
    """The public complaint form, used as an anonymous visitor.

    Odoo 11 serves the requests of an HttpCase on the registry's test
    cursor, so data is prepared and checked through that cursor."""

    @contextmanager
    def db(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.clear()
            yield env

    def setUp(self):
        super().setUp()
        with self.db() as env:
            zone = env['complaint.zone'].create({'name': 'Zona Web', 'code': 'TW'})
            self.category_id = env['helpdesk.ticket.category'].create(
                {'name': 'Kategori Web', 'public': True}).id
            self.hidden_id = env['helpdesk.ticket.category'].create(
                {'name': 'Internal', 'public': False}).id
            self.customer_id = env['res.partner'].create({
                'name': 'Warga Web', 'customer_number': '60001',
                'mobile': '0813 7000 1111', 'zone_id': zone.id}).id
            self.zone_id = zone.id
            params = env['ir.config_parameter']
            params.set_param('customer_complaint.form_rate_limit', '4')
            params.set_param('customer_complaint.photo_max_bytes', '4000')
            env['complaint.web.submission'].search([]).unlink()

    def tickets(self, env):
        return env['helpdesk.ticket'].search([('partner_id', '=', self.customer_id)])

    def csrf(self, url='/pengaduan'):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def post(self, files=None, **values):
        data = {
            'csrf_token': self.csrf(),
            'customer_number': '60001',
            'phone': '+62 813-7000-1111',
            'category_id': str(self.category_id),
            'description': 'Pipa di depan rumah bocor sejak pagi.',
            'address': 'Jl. Merdeka 5',
            'latitude': '5.55', 'longitude': '95.32',
        }
        data.update(values)
        return self.opener.post(BASE + '/pengaduan', data=data, files=files, timeout=60)

    def errors(self, response):
        return re.findall(r'data-error="([a-z_]+)"', response.text)

    def test_form_lists_public_categories(self):
        page = self.url_open('/pengaduan')
        self.assertEqual(page.status_code, 200)
        self.assertIn('Kategori Web', page.text)
        self.assertNotIn('Internal', page.text)

    def test_submit_complaint(self):
        response = self.post(files={'photo': ('bocor.png', png_bytes(), 'image/png')})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.errors(response), [])
        with self.db() as env:
            ticket = self.tickets(env)
            self.assertEqual(len(ticket), 1)
            self.assertIn(ticket.number, response.text)
            self.assertIn('o_complaint_number', response.text)
            self.assertEqual(ticket.channel_id,
                             env.ref('customer_complaint.channel_web'))
            self.assertEqual(ticket.zone_id.id, self.zone_id)
            self.assertEqual(ticket.address, 'Jl. Merdeka 5')
            self.assertAlmostEqual(ticket.latitude, 5.55)
            photo = env['ir.attachment'].search([
                ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket.id)])
            self.assertEqual(photo.mimetype, 'image/png')

    def assert_refused(self, response, error):
        self.assertEqual(response.status_code, 200)
        self.assertIn(error, self.errors(response))
        self.assertNotIn('o_complaint_number', response.text)
        with self.db() as env:
            self.assertFalse(self.tickets(env))

    def test_unknown_customer_number(self):
        response = self.post(customer_number='69999')
        self.assert_refused(response, 'customer_number')
        self.assertIn('69999', response.text)

    def test_phone_must_match(self):
        self.assert_refused(self.post(phone='0813 7000 2222'), 'phone')

    def test_hidden_category_refused(self):
        self.assert_refused(self.post(category_id=str(self.hidden_id)), 'category_id')
        self.assert_refused(self.post(category_id='abc'), 'category_id')

    def test_oversized_photo(self):
        big = png_bytes((400, 400))
        big += b'\0' * max(0, 5000 - len(big))
        self.assert_refused(self.post(files={'photo': ('big.png', big, 'image/png')}),
                            'photo')

    def test_non_image_photo(self):
        self.assert_refused(self.post(files={
            'photo': ('surat.pdf', b'%PDF-1.4 fake', 'application/pdf')}), 'photo')
        fake = b'\x89PNG\r\n\x1a\n' + b'not really a png'
        self.assert_refused(self.post(files={
            'photo': ('fake.png', fake, 'image/png')}), 'photo')

    def test_rate_limit_per_address(self):
        for _i in range(4):
            self.assertEqual(self.errors(self.post(phone='0000')), ['phone'])
        self.assert_refused(self.post(), 'rate_limit')
        with self.db() as env:
            self.assertEqual(env['complaint.web.submission'].search_count(
                [('remote_addr', '=', '127.0.0.1')]), 4)

    def test_missing_csrf_refused(self):
        response = self.opener.post(BASE + '/pengaduan', data={
            'customer_number': '60001', 'phone': '081370001111',
            'category_id': str(self.category_id), 'description': 'x'}, timeout=60)
        self.assertEqual(response.status_code, 400)
        with self.db() as env:
            self.assertFalse(self.tickets(env))

    def test_rating_link(self):
        with self.db() as env:
            ticket = env['helpdesk.ticket'].create_complaint({
                'partner_id': self.customer_id, 'category_id': self.category_id})
            token, ticket_id = ticket.access_token, ticket.id
        self.assertEqual(self.url_open('/pengaduan/nilai/%s' % ('0' * 32)).status_code, 404)
        url = '/pengaduan/nilai/%s' % token
        csrf = self.csrf(url)

        def rate(**data):
            return self.opener.post(BASE + url, data=dict(data, csrf_token=csrf), timeout=60)

        def rating():
            with self.db() as env:
                return env['helpdesk.ticket'].browse(ticket_id).rating

        rate(rating='5')  # not closed yet
        self.assertFalse(rating())
        with self.db() as env:
            env['helpdesk.ticket'].browse(ticket_id).write(
                {'stage_id': env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done').id})
        rate(rating='9')
        self.assertFalse(rating())
        response = rate(rating='5', comment='Mantap')
        self.assertIn('o_complaint_rated', response.text)
        self.assertEqual(rating(), '5')
        with self.db() as env:
            self.assertEqual(env['helpdesk.ticket'].browse(ticket_id).rating_comment, 'Mantap')
