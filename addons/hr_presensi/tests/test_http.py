# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The check-in endpoint through the real HTTP route, as the employee."""
import base64
import json
from datetime import datetime

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import PORT, HttpCase, at_install, post_install

from .common import OFFICE, PLANT, jpeg_b64, make_fixtures


@at_install(False)
@post_install(True)
class TestPresensiHttp(HttpCase):

    def setUp(self):
        super(TestPresensiHttp, self).setUp()
        # Work in the cursor that the HTTP server uses in test mode, so
        # that the server sees the fixtures.
        original_cr = self.cr
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        self.addCleanup(setattr, self, 'cr', original_cr)
        self.f = make_fixtures(self.env)
        self.staff = self.f['e_staff']
        self.photo = jpeg_b64()

    def submit(self, login='t_staff', **params):
        self.authenticate(login, login)
        # json.dumps writes NaN/Infinity as a careless client would.
        response = self.opener.post(
            'http://127.0.0.1:%s/presensi/submit' % PORT,
            data=json.dumps({'jsonrpc': '2.0', 'method': 'call',
                             'params': params}),
            headers={'User-Agent': 'PresensiTest/1.0',
                     'Content-Type': 'application/json'}, timeout=30)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertNotIn('error', body, body.get('error'))
        return body['result']

    def good(self, **extra):
        params = {'action': 'check_in', 'latitude': OFFICE[0] + 0.0002,
                  'longitude': OFFICE[1], 'accuracy': 15.0,
                  'photo': self.photo}
        params.update(extra)
        return params

    def attendances(self, employee=None):
        return self.env['hr.attendance'].search_count(
            [('employee_id', '=', (employee or self.staff).id)])

    def assertRefused(self, result, code, login='t_staff'):
        self.assertFalse(result['ok'], result)
        self.assertEqual(result['code'], code)
        self.assertTrue(result['message'])
        attempt = self.env['hr.presensi.attempt'].browse(
            result['attempt_id'])
        self.assertEqual(attempt.result, code)
        self.assertFalse(attempt.accepted)
        self.assertFalse(attempt.attendance_id)
        self.assertEqual(attempt.user_id, self.f[login])
        self.assertEqual(attempt.ip_address, '127.0.0.1')
        self.assertEqual(attempt.user_agent, 'PresensiTest/1.0')

    def test_check_in_and_out(self):
        self.authenticate('t_staff', 't_staff')
        page = self.url_open('/presensi')
        self.assertEqual(page.status_code, 200)
        self.assertIn('Test office', page.text)
        self.assertIn('capture="user"', page.text)
        self.assertIn('data-action="check_in"', page.text)

        before = fields.Datetime.now()
        result = self.submit(**self.good(device_id='phone-1',
                                         timestamp='2020-01-01 07:00:00'))
        self.assertTrue(result['ok'], result)
        self.assertEqual(result['state'], 'checked_in')
        att = self.env['hr.attendance'].browse(result['attendance_id'])
        self.assertEqual(att.employee_id, self.staff)
        self.assertEqual(att.presensi_site_id, self.f['office'])
        # The server clock, not the client's timestamp.
        self.assertGreaterEqual(att.check_in, before)
        self.assertTrue(att.check_in.startswith(
            datetime.utcnow().strftime('%Y-%m')))
        photo = att.check_in_photo_id
        self.assertEqual(photo.mimetype, 'image/jpeg')
        self.assertEqual((photo.res_model, photo.res_id),
                         ('hr.attendance', att.id))
        self.assertTrue(base64.b64decode(photo.datas).startswith(b'\xff\xd8'))
        attempt = self.env['hr.presensi.attempt'].browse(
            result['attempt_id'])
        self.assertTrue(attempt.accepted)
        self.assertEqual(attempt.client_time, '2020-01-01 07:00:00')
        self.assertEqual(attempt.ip_address, '127.0.0.1')
        self.assertEqual(attempt.user_agent, 'PresensiTest/1.0')
        self.assertEqual(attempt.device_id, 'phone-1')
        self.assertAlmostEqual(attempt.distance, 22.2, delta=1)
        self.assertEqual(attempt.accuracy, 15.0)
        self.assertFalse(attempt.suspicious)

        # Accuracy exactly 0 (a fake-GPS sign) is flagged, not blocked.
        result = self.submit(**self.good(action='check_out', accuracy=0,
                                         device_id='phone-1'))
        self.assertTrue(result['ok'], result)
        self.assertIn('zero_accuracy', result['flags'])
        att.invalidate_cache()
        self.assertTrue(att.check_out)
        self.assertTrue(att.presensi_suspicious)
        self.assertIn('zero_accuracy', att.presensi_flags)
        self.assertEqual(self.staff.attendance_state, 'checked_out')
        # A new device is flagged too.
        result = self.submit(**self.good(device_id='phone-2'))
        self.assertTrue(result['ok'], result)
        self.assertIn('new_device', result['flags'])

    def test_bad_input_creates_nothing(self):
        for case in ({'latitude': None}, {'longitude': 'abc'},
                     {'latitude': 'NaN'}, {'latitude': float('nan')},
                     {'latitude': 91.0}, {'longitude': -180.5},
                     {'latitude': float('inf')}):
            self.assertRefused(self.submit(**self.good(**case)),
                               'bad_coordinates')
        self.assertRefused(self.submit(**self.good(accuracy=250)),
                           'low_accuracy')
        self.assertRefused(self.submit(**self.good(accuracy=None)),
                           'bad_accuracy')
        self.assertRefused(self.submit(**self.good(accuracy=-3)),
                           'bad_accuracy')
        result = self.submit(**self.good(latitude=OFFICE[0] + 0.01))
        self.assertRefused(result, 'outside')
        self.assertGreater(result['distance'], 1000)
        self.assertRefused(self.submit(**self.good(photo=None)),
                           'photo_required')
        big = base64.b64encode(b'\xff\xd8\xff' + b'0' * 600 * 1024).decode()
        self.assertRefused(self.submit(**self.good(photo=big)),
                           'photo_too_large')
        pdf = base64.b64encode(b'%PDF-1.4 hello').decode()
        self.assertRefused(self.submit(**self.good(photo=pdf)),
                           'photo_not_image')
        self.assertRefused(self.submit(**self.good(photo='***')),
                           'photo_not_image')
        self.assertRefused(self.submit(**self.good(action='check_out')),
                           'not_checked_in')
        self.assertRefused(self.submit(**self.good(action='dance')),
                           'bad_action')
        colleague = self.f['e_colleague']
        self.assertRefused(self.submit(**self.good(
            employee_id=colleague.id)), 'other_employee')
        result = self.submit(login='t_nobody', **self.good())
        self.assertRefused(result, 'no_employee', login='t_nobody')
        self.assertFalse(self.env['hr.presensi.attempt'].browse(
            result['attempt_id']).employee_id)
        # Nothing was saved but the attempts.
        self.assertEqual(self.attendances(), 0)
        self.assertEqual(self.attendances(colleague), 0)
        self.assertFalse(self.env['ir.attachment'].search(
            [('res_model', '=', 'hr.attendance'),
             ('create_uid', '=', SUPERUSER_ID),
             ('create_date', '>=', self.f['office'].create_date)]))
        self.assertEqual(self.env['hr.presensi.attempt'].search_count(
            [('user_id', '=', self.f['t_staff'].id)]), 18)
        # Naming oneself is fine.
        self.assertTrue(self.submit(**self.good(
            employee_id=self.staff.id))['ok'])

    def test_double_tap_and_request_id(self):
        first = self.submit(**self.good(request_id='abc-123'))
        self.assertTrue(first['ok'], first)
        again = self.submit(**self.good(request_id='abc-123'))
        self.assertTrue(again['ok'], again)
        self.assertTrue(again['duplicate'])
        self.assertEqual(again['attendance_id'], first['attendance_id'])
        self.assertEqual(self.env['hr.presensi.attempt'].browse(
            again['attempt_id']).result, 'duplicate')
        self.assertRefused(self.submit(**self.good()), 'already_checked_in')
        self.assertEqual(self.attendances(), 1)
        self.f['company'].presensi_double_tap_seconds = 30
        self.assertRefused(self.submit(**self.good(action='check_out')),
                           'double_tap')
        self.assertEqual(self.attendances(), 1)
        self.assertEqual(self.staff.attendance_state, 'checked_in')

    def test_site_photo_rule_and_official_duty(self):
        result = self.submit(**self.good(latitude=PLANT[0],
                                         longitude=PLANT[1], photo=None))
        self.assertTrue(result['ok'], result)
        self.assertEqual(result['site'], 'Test plant')
        self.assertTrue(self.submit(**self.good(
            action='check_out', latitude=PLANT[0], longitude=PLANT[1],
            photo=None))['ok'])
        far = {'latitude': 5.1801, 'longitude': 97.1507}
        self.assertRefused(self.submit(**self.good(**far)), 'outside')
        att_model = self.env['hr.attendance']
        today = fields.Date.to_string(att_model._presensi_local(
            fields.Datetime.now(), att_model._presensi_tz()).date())
        duty = self.env['hr.presensi.duty'].create({
            'name': 'Rapat', 'employee_id': self.staff.id,
            'date_from': today, 'date_to': today, 'place': 'Lhokseumawe',
            'reason': 'Rapat koordinasi'})
        duty.action_confirm()
        self.assertRefused(self.submit(**self.good(**far)), 'outside')
        duty.sudo(self.f['t_supervisor']).action_approve()
        self.assertRefused(self.submit(**self.good(photo=None, **far)),
                           'photo_required')
        result = self.submit(**self.good(**far))
        self.assertTrue(result['ok'], result)
        att = self.env['hr.attendance'].browse(result['attendance_id'])
        self.assertEqual(att.presensi_duty_id, duty)
        self.assertFalse(att.presensi_site_id)
        # Travel of ~200 km within minutes of the last event is flagged.
        self.assertIn('too_fast', result['flags'])
