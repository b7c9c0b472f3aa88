/* E-Presensi phone page: reads the position and the selfie, sends them to
   /presensi/submit. The server decides; this page only shows its answer. */
(function () {
    'use strict';
    var position = null;
    var photo = null;
    var busy = false;

    function $(id) { return document.getElementById(id); }

    /* Labels rendered (and translated) by the server-side template. */
    function t(key) {
        var el = $('t-' + key);
        return el ? el.textContent : key;
    }

    function haversine(lat1, lon1, lat2, lon2) {
        var r = 6371008.8, rad = Math.PI / 180;
        var dphi = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
        var a = Math.pow(Math.sin(dphi / 2), 2) +
            Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    function requestId() {
        var a = new Uint8Array(16);
        (window.crypto || window.msCrypto).getRandomValues(a);
        return Array.prototype.map.call(a, function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    function deviceId() {
        var key = 'presensi_device_id';
        var id = window.localStorage && localStorage.getItem(key);
        if (!id) {
            id = requestId();
            if (window.localStorage) { localStorage.setItem(key, id); }
        }
        return id;
    }

    function showSite(root) {
        var box = $('presensi-site');
        var sites = JSON.parse(root.getAttribute('data-sites') || '[]');
        if (!position) { return; }
        var best = null;
        sites.forEach(function (s) {
            var d = haversine(position.latitude, position.longitude, s.latitude, s.longitude);
            if (!best || d < best.d) { best = {site: s, d: d}; }
        });
        var acc = Math.round(position.accuracy);
        if (!best) {
            box.textContent = t('no-site') + ' ' + t('accuracy') + ' ' + acc + ' m.';
            return;
        }
        var inside = best.d <= best.site.radius;
        box.className = 'presensi-site ' + (inside ? 'inside' : 'outside');
        box.textContent = best.site.name + ': ' + Math.round(best.d) + ' m (' + t('radius') + ' ' +
            Math.round(best.site.radius) + ' m). ' + t('accuracy') + ' ' + acc + ' m.';
    }

    function tick() {
        var now = new Date();
        $('presensi-clock').textContent = ('0' + now.getHours()).slice(-2) + ':' +
            ('0' + now.getMinutes()).slice(-2);
    }

    function submit(root, button) {
        if (busy) { return; }
        var msg = $('presensi-message');
        if (!position) {
            msg.className = 'presensi-message error';
            msg.textContent = t('waiting');
            return;
        }
        busy = true;
        button.disabled = true;
        var params = {
            action: button.getAttribute('data-action'),
            latitude: position.latitude,
            longitude: position.longitude,
            accuracy: position.accuracy,
            photo: photo,
            request_id: button.getAttribute('data-request-id'),
            device_id: deviceId()
        };
        var xhr = new XMLHttpRequest();
        xhr.open('POST', '/presensi/submit');
        xhr.setRequestHeader('Content-Type', 'application/json');
        xhr.onload = function () {
            busy = false;
            button.disabled = false;
            var body = {};
            try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
            var res = body.result || {};
            if (body.error) { res = {ok: false, message: body.error.data && body.error.data.message || 'Error'}; }
            msg.className = 'presensi-message ' + (res.ok ? 'ok' : 'error');
            msg.textContent = res.message || '';
            if (res.ok) {
                window.setTimeout(function () { window.location.reload(); }, 1200);
            } else {
                button.setAttribute('data-request-id', requestId());
            }
        };
        xhr.onerror = function () {
            busy = false;
            button.disabled = false;
            msg.className = 'presensi-message error';
            msg.textContent = t('offline');
        };
        xhr.send(JSON.stringify({jsonrpc: '2.0', method: 'call', params: params}));
    }

    document.addEventListener('DOMContentLoaded', function () {
        var root = $('presensi');
        var button = $('presensi-button');
        if (!root || !button) { return; }
        button.setAttribute('data-request-id', requestId());
        tick();
        window.setInterval(tick, 10000);
        if (navigator.geolocation) {
            navigator.geolocation.watchPosition(function (p) {
                position = {latitude: p.coords.latitude, longitude: p.coords.longitude,
                            accuracy: p.coords.accuracy};
                showSite(root);
            }, function () {
                $('presensi-site').textContent = t('no-location');
            }, {enableHighAccuracy: true, maximumAge: 10000, timeout: 20000});
        }
        $('presensi-photo').addEventListener('change', function (ev) {
            var file = ev.target.files && ev.target.files[0];
            if (!file) { return; }
            var reader = new FileReader();
            reader.onload = function () {
                photo = reader.result;
                var img = $('presensi-preview');
                img.src = photo;
                img.style.display = 'block';
            };
            reader.readAsDataURL(file);
        });
        button.addEventListener('click', function () { submit(root, button); });
    });
}());
