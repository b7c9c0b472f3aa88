# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64
import io
import math
import struct
import unittest
import zlib
from datetime import date, datetime

from PIL import Image

from ..tools import geo, photo, schedule, suspicion

OFFICE = {'id': 1, 'name': 'Office', 'latitude': 5.5483,
          'longitude': 95.3238, 'radius': 100.0, 'require_photo': True}
PLANT = {'id': 2, 'name': 'Plant', 'latitude': 5.5061,
         'longitude': 95.3717, 'radius': 150.0, 'require_photo': False}
WEEKDAY = [(8.0, 12.0), (13.0, 16.5)]


def image_bytes(fmt='JPEG', size=(1600, 1200)):
    out = io.BytesIO()
    Image.new('RGB', size, (200, 120, 40)).save(out, format=fmt)
    return out.getvalue()


def png_header_bomb(width, height):
    """A tiny PNG claiming a huge size (a decompression bomb)."""
    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data
                + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    ihdr = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return (photo.PNG_MAGIC + chunk(b'IHDR', ihdr)
            + chunk(b'IDAT', zlib.compress(b'\x00' * 64)) + chunk(b'IEND',
                                                                  b''))


class TestGeo(unittest.TestCase):

    def test_haversine_known_distance(self):
        # One degree of latitude is about 111.2 km.
        self.assertAlmostEqual(geo.haversine(0, 0, 1, 0), 111195, delta=5)
        self.assertEqual(geo.haversine(5.5, 95.3, 5.5, 95.3), 0)
        # Office to plant, about 7 km.
        d = geo.haversine(5.5483, 95.3238, 5.5061, 95.3717)
        self.assertTrue(7000 < d < 7200, d)

    def test_to_float_refuses_nan_inf_bool_text(self):
        for bad in (None, float('nan'), 'nan', float('inf'), '-inf', True,
                    'abc', [1], {}):
            self.assertIsNone(geo.to_float(bad), bad)
        self.assertEqual(geo.to_float('5.5'), 5.5)

    def test_valid_coordinates(self):
        self.assertTrue(geo.valid_coordinates(-90, 180))
        self.assertFalse(geo.valid_coordinates(90.0001, 0))
        self.assertFalse(geo.valid_coordinates(0, -180.5))
        self.assertFalse(geo.valid_coordinates(None, 0))
        self.assertFalse(geo.valid_coordinates(math.nan, 0))

    def test_inside_radius_accepted(self):
        r = geo.geofence_decision(5.5485, 95.3239, 20, [OFFICE, PLANT], 100,
                                  has_photo=True)
        self.assertEqual(r['code'], geo.OK)
        self.assertEqual(r['site']['id'], 1)
        self.assertLess(r['distance'], 100)

    def test_outside_radius_refused_with_distance(self):
        r = geo.geofence_decision(5.5483, 95.3260, 20, [OFFICE, PLANT], 100,
                                  has_photo=True)
        self.assertEqual(r['code'], geo.OUTSIDE)
        self.assertEqual(r['site']['id'], 1)
        self.assertTrue(200 < r['distance'] < 260, r['distance'])

    def test_accuracy_limit(self):
        r = geo.geofence_decision(5.5483, 95.3238, 150, [OFFICE], 100, True)
        self.assertEqual(r['code'], geo.LOW_ACCURACY)
        r = geo.geofence_decision(5.5483, 95.3238, 100, [OFFICE], 100, True)
        self.assertEqual(r['code'], geo.OK)
        r = geo.geofence_decision(5.5483, 95.3238, -1, [OFFICE], 100, True)
        self.assertEqual(r['code'], geo.BAD_ACCURACY)
        r = geo.geofence_decision(5.5483, 95.3238, None, [OFFICE], 100, True)
        self.assertEqual(r['code'], geo.BAD_ACCURACY)

    def test_bad_coordinates(self):
        for lat, lon in ((None, 95), (91, 95), (5, 181), ('nan', 95)):
            r = geo.geofence_decision(lat, lon, 10, [OFFICE], 100, True)
            self.assertEqual(r['code'], geo.BAD_COORDINATES)

    def test_photo_required_by_site_only(self):
        r = geo.geofence_decision(5.5483, 95.3238, 10, [OFFICE], 100, False)
        self.assertEqual(r['code'], geo.PHOTO_REQUIRED)
        r = geo.geofence_decision(5.5061, 95.3717, 10, [PLANT], 100, False)
        self.assertEqual(r['code'], geo.OK)

    def test_anywhere_and_no_site(self):
        r = geo.geofence_decision(4.0, 96.0, 10, [OFFICE], 100, True,
                                  anywhere=True)
        self.assertEqual(r['code'], geo.OK)
        self.assertIsNone(r['site'])
        r = geo.geofence_decision(4.0, 96.0, 10, [OFFICE], 100, False,
                                  anywhere=True)
        self.assertEqual(r['code'], geo.PHOTO_REQUIRED)
        r = geo.geofence_decision(4.0, 96.0, 10, [], 100, True)
        self.assertEqual(r['code'], geo.NO_SITE)


class TestSchedule(unittest.TestCase):

    def test_on_time_within_grace(self):
        m = schedule.attendance_metrics(
            datetime(2024, 9, 2, 8, 14), datetime(2024, 9, 2, 16, 30),
            WEEKDAY, grace_minutes=15)
        self.assertEqual(m['late_minutes'], 0)
        self.assertEqual(m['early_leave_minutes'], 0)
        self.assertAlmostEqual(m['worked_hours'], 8.2667, places=3)
        self.assertEqual(m['overtime_hours'], 0)

    def test_late_counts_from_start_after_grace(self):
        m = schedule.attendance_metrics(
            datetime(2024, 9, 2, 8, 16), None, WEEKDAY, grace_minutes=15)
        self.assertEqual(m['late_minutes'], 16)
        m = schedule.attendance_metrics(
            datetime(2024, 9, 2, 8, 16), None, WEEKDAY, grace_minutes=15,
            first_of_day=False)
        self.assertEqual(m['late_minutes'], 0)

    def test_early_leave_and_overtime(self):
        m = schedule.attendance_metrics(
            datetime(2024, 9, 2, 8, 0), datetime(2024, 9, 2, 15, 0),
            WEEKDAY)
        self.assertEqual(m['early_leave_minutes'], 90)
        m = schedule.attendance_metrics(
            datetime(2024, 9, 2, 8, 0), datetime(2024, 9, 2, 18, 0),
            WEEKDAY)
        self.assertEqual(m['early_leave_minutes'], 0)
        self.assertAlmostEqual(m['overtime_hours'], 1.5)

    def test_day_without_schedule_is_all_overtime(self):
        m = schedule.attendance_metrics(
            datetime(2024, 9, 7, 9, 0), datetime(2024, 9, 7, 12, 0), [])
        self.assertEqual(m['late_minutes'], 0)
        self.assertAlmostEqual(m['overtime_hours'], 3.0)

    def test_day_status_priority(self):
        s = schedule.day_status
        self.assertEqual(s(True, True, True, True, True, 10), 'holiday')
        self.assertEqual(s(False, False, False, False, True), 'weekend')
        self.assertEqual(s(False, True, True, True, False), 'leave')
        self.assertEqual(s(False, True, False, True, True, 5), 'duty')
        self.assertEqual(s(False, True, False, False, True, 5), 'late')
        self.assertEqual(s(False, True, False, False, True, 0), 'present')
        self.assertEqual(s(False, True, False, False, False), 'absent')
        self.assertIsNone(s(False, True, False, False, False,
                            day_over=False))

    def test_attendance_rate(self):
        self.assertEqual(schedule.attendance_rate(0, 0, 0), 0.0)
        self.assertEqual(schedule.attendance_rate(20, 17, 1), 90.0)
        self.assertEqual(schedule.attendance_rate(3, 1, 0), 33.33)


class TestSuspicion(unittest.TestCase):
    when = datetime(2024, 9, 3, 8, 0)

    def test_clean_attempt_has_no_flag(self):
        flags = suspicion.suspicion_flags(
            self.when, 5.5483, 95.3238, 12.0,
            (datetime(2024, 9, 2, 17, 0), 5.5484, 95.3239), [], True)
        self.assertEqual(flags, [])

    def test_zero_accuracy(self):
        flags = suspicion.suspicion_flags(self.when, 5.5, 95.3, 0, None, [],
                                          None)
        self.assertEqual(flags, [suspicion.ZERO_ACCURACY])

    def test_repeated_precise_coordinates_other_day(self):
        history = [(date(2024, 9, 2), 5.548312, 95.323845)]
        flags = suspicion.suspicion_flags(
            self.when, 5.548312, 95.323845, 10, None, history, None)
        self.assertIn(suspicion.REPEATED_COORDINATES, flags)
        # Same day: a check-out at the same spot is normal.
        history = [(date(2024, 9, 3), 5.548312, 95.323845)]
        flags = suspicion.suspicion_flags(
            self.when, 5.548312, 95.323845, 10, None, history, None)
        self.assertNotIn(suspicion.REPEATED_COORDINATES, flags)
        # Few decimals are common (rounded positions): not flagged.
        history = [(date(2024, 9, 2), 5.55, 95.32)]
        flags = suspicion.suspicion_flags(self.when, 5.55, 95.32, 10, None,
                                          history, None)
        self.assertNotIn(suspicion.REPEATED_COORDINATES, flags)

    def test_travel_too_fast(self):
        # About 7 km in 2 minutes.
        previous = (datetime(2024, 9, 3, 7, 58), 5.5061, 95.3717)
        flags = suspicion.suspicion_flags(self.when, 5.5483, 95.3238, 10,
                                          previous, [], True)
        self.assertEqual(flags, [suspicion.TOO_FAST])
        previous = (datetime(2024, 9, 3, 7, 0), 5.5061, 95.3717)
        flags = suspicion.suspicion_flags(self.when, 5.5483, 95.3238, 10,
                                          previous, [], True)
        self.assertEqual(flags, [])

    def test_new_device(self):
        self.assertEqual(suspicion.suspicion_flags(
            self.when, 5.5, 95.3, 10, None, [], False),
            [suspicion.NEW_DEVICE])
        self.assertEqual(suspicion.suspicion_flags(
            self.when, 5.5, 95.3, 10, None, [], None), [])


class TestPhoto(unittest.TestCase):

    def test_jpeg_is_downscaled(self):
        out = photo.process_photo(image_bytes('JPEG'), max_side=800)
        image = Image.open(io.BytesIO(out))
        self.assertEqual(image.format, 'JPEG')
        self.assertEqual(max(image.size), 800)

    def test_png_becomes_jpeg(self):
        out = photo.process_photo(image_bytes('PNG', (300, 200)))
        image = Image.open(io.BytesIO(out))
        self.assertEqual(image.format, 'JPEG')
        self.assertEqual(image.size, (300, 200))

    def test_other_formats_refused(self):
        for raw in (image_bytes('GIF', (10, 10)), image_bytes('BMP', (9, 9)),
                    b'%PDF-1.4 not an image', b'\xff\xd8\xff garbage'):
            with self.assertRaises(photo.PhotoError) as ctx:
                photo.process_photo(raw)
            self.assertEqual(ctx.exception.args[0], 'photo_not_image')

    def test_size_limit(self):
        with self.assertRaises(photo.PhotoError) as ctx:
            photo.process_photo(image_bytes('PNG', (400, 400)), max_bytes=100)
        self.assertEqual(ctx.exception.args[0], 'photo_too_large')

    def test_decompression_bomb_refused(self):
        with self.assertRaises(photo.PhotoError) as ctx:
            photo.process_photo(png_header_bomb(60000, 60000))
        self.assertIn(ctx.exception.args[0],
                      ('photo_too_many_pixels', 'photo_not_image'))
        with self.assertRaises(photo.PhotoError) as ctx:
            photo.process_photo(png_header_bomb(6000, 6000))
        self.assertEqual(ctx.exception.args[0], 'photo_too_many_pixels')

    def test_decode_data(self):
        raw = image_bytes('PNG', (5, 5))
        data = 'data:image/png;base64,' + base64.b64encode(raw).decode()
        self.assertEqual(photo.decode_data(data, 10000), raw)
        with self.assertRaises(photo.PhotoError):
            photo.decode_data('not base64 !!', 10000)
        with self.assertRaises(photo.PhotoError) as ctx:
            photo.decode_data(base64.b64encode(b'x' * 5000).decode(), 1000)
        self.assertEqual(ctx.exception.args[0], 'photo_too_large')
