# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import json

from odoo import http
from odoo.http import request


class PresensiController(http.Controller):

    @http.route('/presensi', type='http', auth='user', methods=['GET'])
    def presensi_page(self, **kwargs):
        """The phone page of the logged-in employee."""
        state = request.env['hr.presensi.attempt'].presensi_state()
        return request.render('hr_presensi.presensi_page', {
            'presensi': state, 'user': request.env.user,
            'sites_json': json.dumps(state.get('sites') or [])})

    @http.route('/presensi/state', type='json', auth='user')
    def presensi_state(self, **kwargs):
        return request.env['hr.presensi.attempt'].presensi_state()

    @http.route('/presensi/submit', type='json', auth='user')
    def presensi_submit(self, **payload):
        """Check in or out. Only the server decides: the employee is the
        logged-in user's, the time is the server's clock."""
        req = request.httprequest
        return request.env['hr.presensi.attempt'].presensi_submit(
            payload, ip_address=req.remote_addr,
            user_agent=req.headers.get('User-Agent'))
