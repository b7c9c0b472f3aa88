# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Shared fixtures: a work schedule, two sites and one user per tier:
staff (own), junior (reports to staff), supervisor (staff's manager, team
group), colleague (another team), officer (all) and a user without
employee."""
import base64
import io

from PIL import Image

OFFICE = (5.5483, 95.3238)
PLANT = (5.5061, 95.3717)


def jpeg_b64(size=(640, 480)):
    out = io.BytesIO()
    Image.new('RGB', size, (90, 140, 200)).save(out, format='JPEG')
    return base64.b64encode(out.getvalue()).decode()


def make_fixtures(env):
    """Create the fixtures in env; returns a dict of records."""
    f = {}
    f['company'] = env.user.company_id
    f['company'].write({
        'presensi_max_accuracy': 100, 'presensi_double_tap_seconds': 0,
        'presensi_photo_max_kb': 512, 'presensi_photo_outside': True,
        'presensi_tz': 'Asia/Jakarta', 'presensi_max_speed_kmh': 150})
    f['calendar'] = env['resource.calendar'].create({
        'name': 'Presensi test hours', 'presensi_grace_minutes': 15,
        'attendance_ids': [
            (0, 0, {'name': 'd%s%s' % (d, h), 'dayofweek': str(d),
                    'hour_from': h[0], 'hour_to': h[1]})
            for d in range(5) for h in ((8.0, 12.0), (13.0, 16.5))]})
    f['office'] = env['hr.presensi.site'].create({
        'name': 'Test office', 'latitude': OFFICE[0],
        'longitude': OFFICE[1], 'radius': 100, 'require_photo': True})
    f['plant'] = env['hr.presensi.site'].create({
        'name': 'Test plant', 'latitude': PLANT[0], 'longitude': PLANT[1],
        'radius': 150, 'require_photo': False})
    f['department'] = env['hr.department'].create({'name': 'Test dept'})
    groups = {
        'user': env.ref('base.group_user'),
        'supervisor': env.ref('hr_presensi.group_presensi_supervisor'),
        'officer': env.ref('hr_presensi.group_presensi_officer'),
    }

    def user(login, group):
        return env['res.users'].with_context(no_reset_password=True).create({
            'name': login.title(), 'login': login, 'password': login,
            'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [groups['user'].id, groups[group].id])]})

    for login, group in (('t_supervisor', 'supervisor'), ('t_staff', 'user'),
                         ('t_junior', 'user'), ('t_colleague', 'user'),
                         ('t_officer', 'officer'), ('t_nobody', 'user')):
        f[login] = user(login, group)

    def employee(name, login, parent=None, sites=None):
        return env['hr.employee'].create({
            'name': name, 'user_id': f[login].id,
            'department_id': f['department'].id,
            'parent_id': parent and parent.id,
            'resource_calendar_id': f['calendar'].id,
            'presensi_site_ids': [(6, 0, (sites or f['office']).ids)]})

    f['e_supervisor'] = employee('Supervisor', 't_supervisor')
    f['e_staff'] = employee('Staff', 't_staff', f['e_supervisor'],
                            f['office'] | f['plant'])
    f['e_junior'] = employee('Junior', 't_junior', f['e_staff'])
    f['e_colleague'] = employee('Colleague', 't_colleague')
    f['e_officer'] = employee('Officer', 't_officer')
    return f
