"""Checks on what customers type in: customer numbers, phones, photos."""
import re

MAX_CUSTOMER_NUMBER_LENGTH = 10

_IMAGE_SIGNATURES = (
    (b'\xff\xd8\xff', 'image/jpeg'),
    (b'\x89PNG\r\n\x1a\n', 'image/png'),
    (b'GIF87a', 'image/gif'),
    (b'GIF89a', 'image/gif'),
)


def normalize_customer_number(value):
    """Digits of a customer number, or None when it is not one."""
    if value is None:
        return None
    text = re.sub(r'[\s.\-]', '', str(value))
    if not text or not text.isdigit() or len(text) > MAX_CUSTOMER_NUMBER_LENGTH:
        return None
    return text


def normalize_phone(value):
    """Indonesian phone in international digits (62...), or None."""
    if not value:
        return None
    digits = re.sub(r'\D', '', str(value))
    if digits.startswith('0'):
        digits = '62' + digits[1:]
    elif digits.startswith('8'):
        digits = '62' + digits
    if not digits.startswith('62') or not 9 <= len(digits) <= 15:
        return None
    return digits


def phones_match(given, registered):
    """True when both numbers are valid and the same line."""
    left, right = normalize_phone(given), normalize_phone(registered)
    return bool(left) and left == right


def image_mimetype(data):
    """Mimetype of JPEG/PNG/GIF bytes by their signature, else None."""
    if not data:
        return None
    for signature, mimetype in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return mimetype
    if data[:4] == b'RIFF' and data[8:12] == b'WEBP':
        return 'image/webp'
    return None


def check_photo(data, max_bytes):
    """Return an error key ('empty', 'too_large', 'not_image') or None."""
    if not data:
        return 'empty'
    if len(data) > max_bytes:
        return 'too_large'
    if image_mimetype(data) is None:
        return 'not_image'
    return None


def valid_coordinates(latitude, longitude):
    return -90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0
