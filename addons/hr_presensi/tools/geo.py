# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Distances and the geofence decision."""
import math

EARTH_RADIUS_M = 6371008.8

# Reason codes of a geofence decision.
OK = 'ok'
BAD_COORDINATES = 'bad_coordinates'
BAD_ACCURACY = 'bad_accuracy'
LOW_ACCURACY = 'low_accuracy'
NO_SITE = 'no_site'
OUTSIDE = 'outside'
PHOTO_REQUIRED = 'photo_required'


def to_float(value):
    """Float of a client value, or None when it is missing or not a finite
    number (booleans, NaN and infinities are refused)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or math.isinf(number):
        return None
    return number


def valid_coordinates(latitude, longitude):
    """True when both are finite numbers inside the WGS84 ranges."""
    lat, lon = to_float(latitude), to_float(longitude)
    return (lat is not None and lon is not None
            and -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0)


def haversine(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = (math.sin(dphi / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def nearest_site(latitude, longitude, sites):
    """(site, distance) of the nearest site, or (None, None) when there is
    none. A site is a dict with at least latitude and longitude."""
    best, best_distance = None, None
    for site in sites:
        distance = haversine(latitude, longitude,
                             site['latitude'], site['longitude'])
        if best_distance is None or distance < best_distance:
            best, best_distance = site, distance
    return best, best_distance


def geofence_decision(latitude, longitude, accuracy, sites, max_accuracy,
                      has_photo, anywhere=False, outside_photo_required=True):
    """Decide whether a check-in/out at this position is allowed.

    sites: allowed sites, dicts with id, latitude, longitude, radius and
    require_photo. anywhere: the employee may check in anywhere (field crew
    or approved official duty). Returns a dict with code (OK or a reason),
    site (the matching or nearest site, or None) and distance in metres.
    """
    result = {'code': OK, 'site': None, 'distance': None}
    if not valid_coordinates(latitude, longitude):
        result['code'] = BAD_COORDINATES
        return result
    lat, lon = to_float(latitude), to_float(longitude)
    acc = to_float(accuracy)
    if acc is None or acc < 0:
        result['code'] = BAD_ACCURACY
        return result
    site, distance = nearest_site(lat, lon, sites)
    result['site'], result['distance'] = site, distance
    if acc > max_accuracy:
        result['code'] = LOW_ACCURACY
        return result
    inside = [s for s in sites
              if haversine(lat, lon, s['latitude'], s['longitude'])
              <= s['radius']]
    if inside:
        result['site'] = min(inside, key=lambda s: haversine(
            lat, lon, s['latitude'], s['longitude']))
        result['distance'] = haversine(lat, lon, result['site']['latitude'],
                                       result['site']['longitude'])
        if result['site'].get('require_photo') and not has_photo:
            result['code'] = PHOTO_REQUIRED
        return result
    if anywhere:
        result['site'] = None
        if outside_photo_required and not has_photo:
            result['code'] = PHOTO_REQUIRED
        return result
    result['code'] = NO_SITE if not sites else OUTSIDE
    return result
