# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64
import logging
from datetime import timedelta

from odoo import _, api, fields, models

from ..tools import geo, photo, suspicion

_logger = logging.getLogger(__name__)

RESULTS = [
    ('accepted', 'Accepted'),
    ('duplicate', 'Repeated request'),
    ('double_tap', 'Double tap'),
    ('bad_action', 'Unknown action'),
    ('bad_request_id', 'Invalid request id'),
    ('no_employee', 'No employee'),
    ('other_employee', 'Another employee'),
    ('already_checked_in', 'Already checked in'),
    ('not_checked_in', 'Not checked in'),
    ('bad_coordinates', 'Invalid coordinates'),
    ('bad_accuracy', 'Invalid accuracy'),
    ('low_accuracy', 'GPS accuracy too low'),
    ('no_site', 'No allowed site'),
    ('outside', 'Outside the sites'),
    ('photo_required', 'Photo required'),
    ('photo_missing', 'Photo missing'),
    ('photo_too_large', 'Photo too large'),
    ('photo_too_many_pixels', 'Photo too large in pixels'),
    ('photo_not_image', 'Not a JPEG or PNG photo'),
]
FLAG_LABELS = {
    suspicion.ZERO_ACCURACY: 'accuracy exactly 0',
    suspicion.REPEATED_COORDINATES: 'same precise coordinates as another day',
    suspicion.TOO_FAST: 'travel faster than possible',
    suspicion.NEW_DEVICE: 'new device',
}


class HrPresensiAttempt(models.Model):
    _name = 'hr.presensi.attempt'
    _description = 'Attendance Attempt'
    _order = 'date desc, id desc'
    _rec_name = 'date'

    date = fields.Datetime(required=True, readonly=True, index=True,
                           default=fields.Datetime.now)
    user_id = fields.Many2one('res.users', readonly=True, index=True)
    employee_id = fields.Many2one('hr.employee', readonly=True, index=True)
    department_id = fields.Many2one('hr.department', readonly=True)
    action = fields.Selection([('check_in', 'Check in'),
                               ('check_out', 'Check out')], readonly=True)
    result = fields.Selection(RESULTS, required=True, readonly=True,
                              index=True)
    accepted = fields.Boolean(readonly=True)
    message = fields.Char(readonly=True)
    latitude = fields.Float(digits=(10, 7), readonly=True)
    longitude = fields.Float(digits=(10, 7), readonly=True)
    raw_position = fields.Char('Position as sent', readonly=True)
    accuracy = fields.Float('Accuracy (m)', readonly=True)
    distance = fields.Float('Distance to site (m)', readonly=True)
    site_id = fields.Many2one('hr.presensi.site', readonly=True)
    duty_id = fields.Many2one('hr.presensi.duty', 'Official duty',
                              readonly=True)
    ip_address = fields.Char('IP address', readonly=True)
    user_agent = fields.Char(readonly=True)
    device_id = fields.Char(readonly=True)
    request_id = fields.Char('Client request id', readonly=True, index=True)
    client_time = fields.Char(
        'Time sent by the client', readonly=True,
        help='Recorded for disputes only: the server clock is the '
             'attendance time.')
    attendance_id = fields.Many2one('hr.attendance', readonly=True,
                                    ondelete='set null')
    photo_id = fields.Many2one('ir.attachment', readonly=True)
    suspicious = fields.Boolean(readonly=True, index=True)
    suspicion_flags = fields.Char(readonly=True)
    company_id = fields.Many2one('res.company', readonly=True,
                                 default=lambda s: s.env.user.company_id)

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS hr_presensi_attempt_request_uniq
            ON hr_presensi_attempt (employee_id, request_id)
            WHERE accepted AND request_id IS NOT NULL""")

    # ------------------------------------------------------------------
    # The check-in/out entry point

    @api.model
    def presensi_state(self):
        """What the phone page shows to the logged-in user."""
        employee = self.env.user.employee_ids[:1]
        if not employee:
            return {'employee': False}
        employee = employee.sudo()
        sites = employee.presensi_site_ids.filtered('active')
        return {
            'employee': employee.name,
            'employee_id': employee.id,
            'state': employee.attendance_state,
            'last': employee.last_attendance_id and (
                employee.last_attendance_id.check_out
                or employee.last_attendance_id.check_in) or False,
            'sites': sites._presensi_dicts(),
            'anywhere': employee.presensi_anywhere,
            'max_accuracy': employee.company_id.presensi_max_accuracy,
        }

    @api.model
    def presensi_submit(self, payload, ip_address=None, user_agent=None):
        """Check the logged-in user's employee in or out.

        payload: action ('check_in' / 'check_out'), latitude, longitude,
        accuracy, photo (base64), request_id, device_id; employee_id and
        timestamp are optional and never trusted. Every call is logged as
        an attempt; the answer is a dict with ok, code and message.
        """
        now = fields.Datetime.now()
        payload = payload if isinstance(payload, dict) else {}
        lat = geo.to_float(payload.get('latitude'))
        lon = geo.to_float(payload.get('longitude'))
        acc = geo.to_float(payload.get('accuracy'))
        action = payload.get('action')
        request_id = payload.get('request_id') or None
        device_id = payload.get('device_id') or None
        log = {
            'date': now, 'user_id': self.env.uid,
            'action': action if action in ('check_in', 'check_out') else
            False,
            'latitude': lat if geo.valid_coordinates(lat, lon) else 0.0,
            'longitude': lon if geo.valid_coordinates(lat, lon) else 0.0,
            'raw_position': ('%r, %r' % (payload.get('latitude'),
                                         payload.get('longitude')))[:100],
            'accuracy': acc or 0.0,
            'ip_address': (ip_address or '')[:64] or False,
            'user_agent': (user_agent or '')[:512] or False,
            'device_id': str(device_id)[:64] if device_id else False,
            'request_id': request_id if isinstance(request_id, str) else
            False,
            'client_time': payload.get('timestamp') and str(
                payload.get('timestamp'))[:64] or False,
        }
        sudo = self.sudo()

        def refuse(code, message, **extra):
            log.update(extra, result=code, accepted=False, message=message)
            attempt = sudo.create(log)
            _logger.info('Attendance attempt %s refused: %s', attempt.id,
                         code)
            return {'ok': False, 'code': code, 'message': message,
                    'attempt_id': attempt.id,
                    'distance': log.get('distance')}

        employees = self.env.user.employee_ids
        if not employees:
            return refuse('no_employee', _(
                'Your user is not linked to an employee: ask HR to link it.'))
        employee = employees[0].sudo()
        log.update(employee_id=employee.id,
                   department_id=employee.department_id.id)
        company = employee.company_id
        asked = payload.get('employee_id')
        if asked not in (None, False, '') and str(asked) != str(employee.id):
            return refuse('other_employee', _(
                'You can only check yourself in or out.'))
        if request_id is not None and (not isinstance(request_id, str)
                                       or len(request_id) > 64):
            log['request_id'] = False
            return refuse('bad_request_id', _(
                'The request id must be a text of at most 64 characters.'))
        self._presensi_lock_employee(employee)
        if request_id:
            previous = sudo.search([
                ('employee_id', '=', employee.id),
                ('request_id', '=', request_id), ('accepted', '=', True)],
                limit=1)
            if previous:
                log['request_id'] = False
                answer = refuse('duplicate', _(
                    'This request was already recorded.'),
                    attendance_id=previous.attendance_id.id)
                answer.update(ok=True, duplicate=True,
                              state=employee.attendance_state,
                              attendance_id=previous.attendance_id.id)
                return answer
        if action not in ('check_in', 'check_out'):
            return refuse('bad_action', _(
                'The action must be check_in or check_out.'))
        state = employee.attendance_state
        if action == 'check_in' and state == 'checked_in':
            return refuse('already_checked_in', _(
                'You are already checked in: check out first.'))
        if action == 'check_out' and state != 'checked_in':
            return refuse('not_checked_in', _(
                'You cannot check out: you are not checked in.'))
        window = company.presensi_double_tap_seconds
        if window:
            since = fields.Datetime.to_string(
                fields.Datetime.from_string(now) - timedelta(seconds=window))
            if sudo.search_count([('employee_id', '=', employee.id),
                                  ('accepted', '=', True),
                                  ('date', '>=', since)]):
                return refuse('double_tap', _(
                    'You submitted a moment ago: wait %d seconds before '
                    'trying again.') % window)

        raw_photo = payload.get('photo')
        jpeg = None
        if raw_photo:
            max_bytes = company.presensi_photo_max_kb * 1024
            try:
                jpeg = photo.process_photo(
                    photo.decode_data(raw_photo, max_bytes), max_bytes)
            except photo.PhotoError as error:
                code = error.args[0]
                messages = {
                    'photo_too_large': _(
                        'The photo is larger than %d KB.')
                    % company.presensi_photo_max_kb,
                    'photo_too_many_pixels': _(
                        'The photo has too many pixels.'),
                    'photo_not_image': _(
                        'The photo must be a JPEG or PNG image.'),
                    'photo_missing': _('The photo is empty.'),
                }
                return refuse(code, messages.get(code, code))

        tz = self.env['hr.attendance']._presensi_tz(company)
        today = self.env['hr.attendance']._presensi_local(now, tz).date()
        duty = self.env['hr.presensi.duty']._approved_on(employee, today)[:1]
        sites = employee.presensi_site_ids.filtered(
            lambda s: s.active and s.company_id == company)
        decision = geo.geofence_decision(
            lat, lon, acc, sites._presensi_dicts(),
            company.presensi_max_accuracy, has_photo=bool(jpeg),
            anywhere=employee.presensi_anywhere or bool(duty),
            outside_photo_required=company.presensi_photo_outside)
        site = decision['site']
        log.update(site_id=site and site['id'] or False,
                   distance=decision['distance'] or 0.0)
        code = decision['code']
        if code != geo.OK:
            messages = {
                geo.BAD_COORDINATES: _(
                    'Your position is missing or impossible: allow location '
                    'access and try again.'),
                geo.BAD_ACCURACY: _('The GPS accuracy is missing or '
                                    'invalid.'),
                geo.LOW_ACCURACY: _(
                    'Your GPS accuracy (%.0f m) is worse than the allowed '
                    '%.0f m: move to open sky and try again.') % (
                    acc or 0.0, company.presensi_max_accuracy),
                geo.NO_SITE: _('You have no allowed attendance site: ask '
                               'HR.'),
                geo.OUTSIDE: _(
                    'You are %.0f m from %s, outside its radius.') % (
                    decision['distance'] or 0.0, site and site['name'] or
                    ''),
                geo.PHOTO_REQUIRED: _('A photo is required.'),
            }
            return refuse(code, messages[code])

        flags = self._presensi_flags(employee, now, lat, lon, acc,
                                     device_id or user_agent or '')
        attendance_model = self.env['hr.attendance'].sudo()
        if action == 'check_in':
            attendance = attendance_model.create({
                'employee_id': employee.id, 'check_in': now,
                'check_in_latitude': lat, 'check_in_longitude': lon,
                'check_in_accuracy': acc,
                'presensi_site_id': site and site['id'] or False,
                'presensi_duty_id': duty.id if duty and not site else False,
            })
        else:
            attendance = employee.last_attendance_id
            attendance.write({
                'check_out': now, 'check_out_latitude': lat,
                'check_out_longitude': lon, 'check_out_accuracy': acc})
        if flags:
            attendance.write({
                'presensi_suspicious': True,
                'presensi_flags': ', '.join(filter(None, [
                    attendance.presensi_flags] + flags))})
        attachment = False
        if jpeg:
            attachment = self.env['ir.attachment'].sudo().create({
                'name': '%s-%s.jpg' % (action, now.replace(' ', '_')),
                'datas_fname': '%s.jpg' % action,
                'datas': base64.b64encode(jpeg),
                'mimetype': 'image/jpeg',
                'res_model': 'hr.attendance', 'res_id': attendance.id,
            })
            attendance.write({'%s_photo_id' % action: attachment.id})
        log.update(result='accepted', accepted=True,
                   message=_('Checked in.') if action == 'check_in' else
                   _('Checked out.'),
                   attendance_id=attendance.id,
                   photo_id=attachment and attachment.id,
                   duty_id=duty.id if duty and not site else False,
                   suspicious=bool(flags),
                   suspicion_flags=', '.join(flags) or False)
        attempt = sudo.create(log)
        return {'ok': True, 'code': 'accepted', 'message': log['message'],
                'attempt_id': attempt.id, 'attendance_id': attendance.id,
                'state': employee.attendance_state, 'time': now,
                'site': site and site['name'] or False,
                'distance': log['distance'], 'flags': flags}

    @api.model
    def _presensi_lock_employee(self, employee):
        """Serialise the submits of one employee until the end of the
        transaction: a concurrent submit for the same employee waits here.

        Odoo's transactions are REPEATABLE READ: a mere lock (SELECT ... FOR
        UPDATE, pg_advisory_xact_lock) would let the waiting submit go on
        with its old snapshot, where the first one's check-in does not exist
        yet. The no-op UPDATE does change the row, so PostgreSQL fails the
        waiting submit with a serialization error once the first commits;
        Odoo's request handler then runs it again in a new transaction,
        which sees the first submit's attendance. The error is expected and
        retried, hence not logged as a bad query.
        """
        self.env.cr.execute(
            'UPDATE hr_employee SET write_date = write_date WHERE id = %s',
            (employee.id,), log_exceptions=False)

    @api.model
    def _presensi_flags(self, employee, now, lat, lon, acc, device):
        when = fields.Datetime.from_string(now)
        domain = [('employee_id', '=', employee.id), ('accepted', '=', True),
                  ('result', '=', 'accepted')]
        previous = self.sudo().search(domain, limit=1)
        history = self.sudo().search(domain + [
            ('latitude', '=', lat), ('longitude', '=', lon)], limit=5)
        device_known = None
        if previous:
            device_known = bool(self.sudo().search_count(domain + [
                '|', ('device_id', '=', device), ('user_agent', '=', device)]))
        return suspicion.suspicion_flags(
            when, lat, lon, acc,
            previous and (fields.Datetime.from_string(previous.date),
                          previous.latitude, previous.longitude),
            [(fields.Datetime.from_string(h.date).date(), h.latitude,
              h.longitude) for h in history],
            device_known,
            max_speed_kmh=employee.company_id.presensi_max_speed_kmh)
