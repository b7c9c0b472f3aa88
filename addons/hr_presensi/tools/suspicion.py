# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Signs of a faked location or device. They never block an attempt: they
are shown to managers."""
from .geo import haversine

ZERO_ACCURACY = 'zero_accuracy'
REPEATED_COORDINATES = 'repeated_coordinates'
TOO_FAST = 'too_fast'
NEW_DEVICE = 'new_device'


def decimals(value):
    """Number of decimals written in the client's number."""
    text = repr(float(value))
    if 'e' in text or '.' not in text:
        return 0
    return len(text.split('.')[1].rstrip('0'))


def suspicion_flags(when, latitude, longitude, accuracy, previous, history,
                    device_known, max_speed_kmh=150.0, min_decimals=6):
    """Flags of one accepted attempt.

    when: datetime of the attempt; previous: (datetime, lat, lon) of the
    employee's previous accepted event or None; history: iterable of
    (date, lat, lon) of earlier accepted events; device_known: whether the
    device was seen before for this employee (None when the employee has
    no history: a first device is not suspicious).
    """
    flags = []
    if accuracy is not None and float(accuracy) == 0.0:
        flags.append(ZERO_ACCURACY)
    if (decimals(latitude) >= min_decimals
            and decimals(longitude) >= min_decimals):
        for day, lat, lon in history:
            if (day != when.date() and float(lat) == float(latitude)
                    and float(lon) == float(longitude)):
                flags.append(REPEATED_COORDINATES)
                break
    if previous:
        prev_when, prev_lat, prev_lon = previous
        hours = (when - prev_when).total_seconds() / 3600.0
        distance_km = haversine(prev_lat, prev_lon, latitude, longitude) / 1000
        if distance_km > 0.5 and (hours <= 0
                                  or distance_km / hours > max_speed_kmh):
            flags.append(TOO_FAST)
    if device_known is False:
        flags.append(NEW_DEVICE)
    return flags
